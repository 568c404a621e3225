import Foundation
import Hummingbird

extension Request {
    /// The body of a call to a simulator's own small API as a JSON object; empty when there is
    /// none (every field of those calls is optional).
    func jsonObject() async throws -> [String: Any] {
        let body = Array(buffer: try await body.collect(upTo: 1 << 16))
        return (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }
}
