import Foundation
import HTTPTypes
import Hummingbird
import Webhooks

/// A message the hub delivered to a simulated system, after its Standard Webhooks signature was
/// checked as a real receiver must: a simulator that skipped the check would hide a hub that
/// signs wrongly.
struct ReceivedDelivery: Sendable {
    let webhookID: String
    let body: [UInt8]

    /// The body as a JSON object; a 400 when it is not one.
    func object() throws -> [String: Any] {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else {
            throw HTTPError(.badRequest, message: "the body is not a JSON object")
        }
        return object
    }

    static func verify(_ request: Request, context: some RequestContext, secret: WebhookSecret) async throws -> ReceivedDelivery {
        let body = Array(buffer: try await request.body.collect(upTo: 1 << 20))
        func header(_ name: String) -> String? { HTTPField.Name(name).flatMap { request.headers[$0] } }
        do {
            try WebhookSignature.verify(
                id: header(WebhookSignature.idHeader), timestamp: header(WebhookSignature.timestampHeader),
                signature: header(WebhookSignature.signatureHeader), body: body, secrets: [secret], tolerance: .seconds(300), now: Date())
        } catch {
            throw HTTPError(.unauthorized, message: error.message)
        }
        return ReceivedDelivery(webhookID: header(WebhookSignature.idHeader) ?? "", body: body)
    }
}
