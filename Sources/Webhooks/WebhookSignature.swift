import Crypto
import Foundation

/// The Standard Webhooks signature scheme (standardwebhooks.com): `v1,` + base64 of
/// HMAC-SHA256 over `{webhook-id}.{webhook-timestamp}.{body}`.
public enum WebhookSignature {
    /// The header names, lower case as HTTP/2 sends them.
    public static let idHeader = "webhook-id"
    public static let timestampHeader = "webhook-timestamp"
    public static let signatureHeader = "webhook-signature"

    /// The `webhook-signature` value for one message.
    public static func sign(id: String, timestamp: Int64, body: some DataProtocol, secret: WebhookSecret) -> String {
        var hmac = HMAC<SHA256>(key: secret.key)
        hmac.update(data: Array("\(id).\(timestamp).".utf8))
        hmac.update(data: body)
        return "v1," + Data(hmac.finalize()).base64EncodedString()
    }

    /// The three headers of a signed message, in the order they are sent.
    public static func headers(id: String, timestamp: Int64, body: some DataProtocol, secret: WebhookSecret)
        -> [(name: String, value: String)]
    {
        [
            (idHeader, id),
            (timestampHeader, String(timestamp)),
            (signatureHeader, sign(id: id, timestamp: timestamp, body: body, secret: secret)),
        ]
    }

    /// Accepts the message when its timestamp is within `tolerance` of `now` (either way: a
    /// replayed old message and a clock far ahead are both refused) and any `v1` signature in the
    /// space-separated list matches any of the secrets (rotation), compared in constant time.
    public static func verify(
        id: String?, timestamp: String?, signature: String?, body: some DataProtocol,
        secrets: [WebhookSecret], tolerance: Duration, now: Date
    ) throws(WebhookError) {
        guard let id, !id.isEmpty else {
            throw WebhookError(code: .missingHeader, message: "the webhook-id header is missing")
        }
        guard let timestamp, !timestamp.isEmpty else {
            throw WebhookError(code: .missingHeader, message: "the webhook-timestamp header is missing")
        }
        guard let signature, !signature.isEmpty else {
            throw WebhookError(code: .missingHeader, message: "the webhook-signature header is missing")
        }
        guard let seconds = Int64(timestamp) else {
            throw WebhookError(
                code: .invalidTimestamp, message: "webhook-timestamp must be whole seconds since 1970 (Unix time)")
        }
        let skew = abs(now.timeIntervalSince1970 - Double(seconds))
        let allowed = Double(tolerance.components.seconds)
        guard skew <= allowed else {
            throw WebhookError(
                code: .timestampOutOfTolerance,
                message: "webhook-timestamp is \(Int(skew)) s away from the hub's clock; at most \(Int(allowed)) s is accepted (replay protection)")
        }
        var signed = Array("\(id).\(timestamp).".utf8)
        signed.append(contentsOf: body)
        for candidate in signature.split(separator: " ") {
            let parts = candidate.split(separator: ",", maxSplits: 1)
            guard parts.count == 2, parts[0] == "v1", let mac = Data(base64Encoded: String(parts[1])) else { continue }
            for secret in secrets where HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: signed, using: secret.key) {
                return
            }
        }
        throw WebhookError(
            code: .invalidSignature,
            message: "no v1 signature in webhook-signature matches the body with this adapter's secret")
    }
}
