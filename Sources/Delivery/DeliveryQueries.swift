import Foundation
import Postgres

/// The operator's reads and actions on deliveries: health per adapter, listing, redelivery and
/// enabling an endpoint again. Shared by `hub deliveries` and the admin API.
public struct DeliveryQueries: Sendable {
    public let pool: PGPool
    /// Called after an action made deliveries due: this process's workers start on them at
    /// once (`DeliveryWorker.wake`), as they skip the notifications of their own process.
    let madeDue: @Sendable () -> Void

    public init(pool: PGPool, madeDue: @escaping @Sendable () -> Void = {}) {
        self.pool = pool
        self.madeDue = madeDue
    }

    /// The states the list can be narrowed to.
    public static let states: Set<String> = ["pending", "in_flight", "delivered", "dead"]

    public func health() async throws -> [AdapterHealth] {
        try await pool.query("SELECT * FROM hub.delivery_health()").rows.map { row in
            AdapterHealth(
                adapter: try row.decode(String.self, 0), pending: try row.decode(Int.self, 1), inFlight: try row.decode(Int.self, 2),
                dead: try row.decode(Int.self, 3), oldestPendingAt: try row.decode(Date?.self, 4),
                consecutiveFailures: try row.decode(Int.self, 5), pausedUntil: try row.decode(Date?.self, 6),
                disabledAt: try row.decode(Date?.self, 7), disabledReason: try row.decode(String?.self, 8),
                lastSuccessAt: try row.decode(Date?.self, 9), lastFailureAt: try row.decode(Date?.self, 10))
        }
    }

    /// Newest first; `before` is the id of the last one of the previous page.
    public func list(adapter: String? = nil, state: String? = nil, reportID: UUID? = nil, before: Int64? = nil, limit: Int = 50)
        async throws -> [DeliveryRecord]
    {
        let query: PGQuery = """
            SELECT * FROM hub.list_deliveries(\(adapter), \(state), \(reportID), \(before), \(min(max(limit, 1), 1000)))
            """
        return try await pool.query(query).rows.map { row in
            DeliveryRecord(
                id: try row.decode(Int64.self, 0), adapter: try row.decode(String.self, 1), eventID: try row.decode(UUID.self, 2),
                reportID: try row.decode(UUID.self, 3), eventType: try row.decode(String.self, 4),
                streamVersion: try row.decode(Int64.self, 5), webhookID: try row.decode(String.self, 6),
                state: try row.decode(String.self, 7), attempts: try row.decode(Int.self, 8),
                nextAttemptAt: try row.decode(Date.self, 9), lastAttemptAt: try row.decode(Date?.self, 10),
                lastStatus: try row.decode(Int?.self, 11), lastError: try row.decode(String?.self, 12),
                lastResponse: try row.decode(String?.self, 13), deliveredAt: try row.decode(Date?.self, 14),
                createdAt: try row.decode(Date.self, 15))
        }
    }

    /// Dead or delivered deliveries pending again, with a fresh schedule; how many were.
    public func redeliver(ids: [Int64]) async throws -> Int {
        let array = PGArray(ids.map { Optional(String($0)) })
        let count = try await pool.query("SELECT hub.redeliver(\(array)::bigint[])").decode(Int.self, row: 0, column: 0)
        if count > 0 { madeDue() }
        return count
    }

    /// Every dead delivery of the adapter pending again; how many were.
    public func redeliverDead(adapter: String) async throws -> Int {
        let count = try await pool.query("SELECT hub.redeliver_dead(\(adapter))").decode(Int.self, row: 0, column: 0)
        if count > 0 { madeDue() }
        return count
    }

    /// The adapter's endpoint neither disabled (410) nor paused; false when it never was either.
    public func enable(adapter: String) async throws -> Bool {
        let enabled = try await pool.query("SELECT hub.enable_endpoint(\(adapter))").decode(Bool.self, row: 0, column: 0)
        if enabled { madeDue() }
        return enabled
    }
}
