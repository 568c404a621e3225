import Foundation
import Postgres

/// The operator's read of inbound messages (the admin API): above all the rejected ones.
public struct InboundQueries: Sendable {
    public let pool: PGPool

    public init(pool: PGPool) {
        self.pool = pool
    }

    /// The outcomes the list can be narrowed to.
    public static let statuses: Set<String> = ["accepted", "ignored", "stale", "rejected"]

    /// Newest first; `before` is the id of the last one of the previous page.
    public func list(adapter: String? = nil, status: String? = nil, before: Int64? = nil, limit: Int = 50) async throws -> [InboundRecord] {
        let query: PGQuery = "SELECT * FROM hub.list_inbound_messages(\(adapter), \(status), \(before), \(min(max(limit, 1), 1000)))"
        return try await pool.query(query).rows.map { row in
            InboundRecord(
                id: try row.decode(Int64.self, 0), adapter: try row.decode(String.self, 1), messageID: try row.decode(String.self, 2),
                via: try row.decode(String.self, 3), status: try row.decode(String.self, 4), code: try row.decode(String?.self, 5),
                reason: try row.decode(String?.self, 6), reportID: try row.decode(UUID?.self, 7),
                theirStatus: try row.decode(String?.self, 8), updatedAt: try row.decode(Date?.self, 9),
                payload: try row.decode(String.self, 10), receivedAt: try row.decode(Date.self, 11),
                attempts: try row.decode(Int.self, 12))
        }
    }
}
