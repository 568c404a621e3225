import Crypto
import Foundation

/// A Standard Webhooks signing secret: `whsec_` followed by the base64 of the key bytes. The HMAC
/// is keyed with the decoded bytes, never with the text.
public struct WebhookSecret: Sendable, Hashable, CustomStringConvertible {
    /// The key bytes; a `SymmetricKey` is made per use, as it is not Sendable.
    private let bytes: [UInt8]

    /// The key the HMAC is computed with.
    public var key: SymmetricKey { SymmetricKey(data: bytes) }

    /// The secret as written in configuration, `whsec_…`.
    public let text: String

    /// Reads `whsec_<base64>`; also accepts bare base64, as several senders hand it out that way.
    public init(_ text: String) throws(WebhookError) {
        let encoded = text.hasPrefix("whsec_") ? String(text.dropFirst("whsec_".count)) : text
        guard let bytes = Data(base64Encoded: encoded), bytes.count >= 16 else {
            throw WebhookError(
                code: .invalidSecret,
                message: "a webhook secret must be whsec_ followed by the base64 of at least 16 bytes")
        }
        self.bytes = Array(bytes)
        self.text = "whsec_" + encoded
    }

    /// A new random 32-byte secret.
    public static func generate() -> WebhookSecret {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        // The text is valid by construction: 32 bytes, base64-encoded.
        return try! WebhookSecret("whsec_" + bytes.base64EncodedString())
    }

    /// Never the key: a secret that reaches a log line shows only that it is one.
    public var description: String { "whsec_…" }

    public static func == (lhs: WebhookSecret, rhs: WebhookSecret) -> Bool {
        lhs.text == rhs.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
    }
}
