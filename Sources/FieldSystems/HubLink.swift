import Curl
import Foundation
import Synchronization
import Webhooks

/// How a simulated system reaches the hub: its base URL, through libcurl, as the real systems
/// would (an API key, a reporter's token, or a Standard Webhooks signature).
public final class HubLink: Sendable {
    private let address: Mutex<String>
    let client: OutboundHTTPClient

    /// - Parameter baseURL: the hub's address; may be set later with `connect(to:)` when the
    ///   hub starts after its systems (they must listen before the hub sends to them).
    public init(baseURL: String = "http://127.0.0.1:8080", client: OutboundHTTPClient) {
        self.address = Mutex(Self.trimmed(baseURL))
        self.client = client
    }

    /// `http://127.0.0.1:8080`, without a trailing slash.
    public var baseURL: String { address.withLock { $0 } }

    public func connect(to baseURL: String) {
        address.withLock { $0 = Self.trimmed(baseURL) }
    }

    private static func trimmed(_ baseURL: String) -> String {
        baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    /// An answer of the hub.
    public struct Answer: Sendable {
        public var status: Int
        public var body: [UInt8]

        public var json: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
        }

        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// Sends a JSON body with a bearer credential (an API key or a reporter's token).
    public func post(_ path: String, json body: [String: Any], bearer: String) async throws -> Answer {
        let data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        return try await send(OutboundRequest(
            method: "POST", url: baseURL + path,
            headers: [OutboundHeader(name: "Content-Type", value: "application/json"), OutboundHeader(name: "Authorization", value: "Bearer \(bearer)")],
            body: Array(data)))
    }

    public func get(_ path: String, bearer: String? = nil) async throws -> Answer {
        var headers: [OutboundHeader] = []
        if let bearer { headers.append(OutboundHeader(name: "Authorization", value: "Bearer \(bearer)")) }
        return try await send(OutboundRequest(method: "GET", url: baseURL + path, headers: headers))
    }

    /// Sends a system's own message to its adapter's inbound webhook, signed with the adapter's
    /// secret as Standard Webhooks asks.
    public func postSigned(adapter: String, json body: [String: Any], secret: WebhookSecret, messageID: String) async throws -> Answer {
        let data = Array(try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]))
        let signature = WebhookSignature.headers(
            id: messageID, timestamp: Int64(Date().timeIntervalSince1970), body: data, secret: secret)
        return try await send(OutboundRequest(
            method: "POST", url: "\(baseURL)/api/v1/adapters/\(adapter)/inbound",
            headers: [OutboundHeader(name: "Content-Type", value: "application/json")] + signature.map { OutboundHeader(name: $0.name, value: $0.value) },
            body: data))
    }

    private func send(_ request: OutboundRequest) async throws -> Answer {
        let response = try await client.send(request)
        return Answer(status: response.status, body: response.body)
    }
}
