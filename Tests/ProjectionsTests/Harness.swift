import EventLog
import Foundation
import HubTestSupport
import Postgres
import ReportDomain
import Testing
@testable import Projections

/// A migrated test database with the hub's pieces on the runtime role, and a projector that can
/// be started and stopped.
final class Harness: Sendable {
    let database: TestDatabase
    let pool: PGPool
    let store: EventStore
    let listener: PGListener
    let queries: ReportQueries
    private let listening: Task<Void, any Error>

    init() async throws {
        database = try await TestDatabase.create()
        pool = database.runtimePool(maxConnections: 6)
        store = EventStore(pool: pool)
        listener = PGListener(config: database.runtime, channels: [EventStore.channel])
        let listener = self.listener
        listening = Task { try await listener.run() }
        queries = ReportQueries(pool: pool)
    }

    /// A projector running in a task of its own; cancel the task to stop it.
    func startProjector(batchSize: Int = 500, cacheCapacity: Int = 1_000) -> (ReportProjector, Task<Void, any Error>) {
        let projector = ReportProjector(
            store: store, listener: listener, pool: pool, policy: Scenario.policy, batchSize: batchSize,
            cacheCapacity: cacheCapacity)
        return (projector, Task { try await projector.run() })
    }

    /// A rebuild that read the log up to `point`. A rebuild reads below the log's horizon, and a
    /// transaction of a test beside this one, in another database, that ends between the
    /// rebuild's snapshot and its look at the writers holds that horizon back (as it would in
    /// production, where the live projector then goes on from the rebuild's checkpoint): then
    /// it rebuilds again.
    @discardableResult
    func rebuild(upTo point: LogPoint) async throws -> ProjectionRebuild.Result {
        for _ in 0..<20 {
            let result = try await ProjectionRebuild.run(pool: pool, policy: Scenario.policy)
            if result.point >= point { return result }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("20 rebuilds stopped before \(point)")
        return try await ProjectionRebuild.run(pool: pool, policy: Scenario.policy)
    }

    func close() async {
        listener.stop()
        _ = try? await listening.value
        await pool.close()
    }

    /// Every column of the three read models, as text, in key order.
    func snapshot() async throws -> [String: [[String?]]] {
        let tables = [
            "report_projection": "report_id",
            "report_history": "report_id, stream_version",
            "report_external_ids": "system, external_id",
        ]
        var snapshot: [String: [[String?]]] = [:]
        for (table, key) in tables {
            snapshot[table] = try await rows("SELECT * FROM hub.\(table) ORDER BY \(key)")
        }
        return snapshot
    }

    func rows(_ sql: String) async throws -> [[String?]] {
        let result = try await pool.query(PGQuery(sql: sql))
        return try result.rows.map { row in
            try (0..<result.columnCount).map { column in try row.decode(String?.self, column) }
        }
    }

    func count(_ sql: String) async throws -> Int {
        try await pool.query(PGQuery(sql: sql)).decode(Int.self, row: 0, column: 0)
    }
}

struct TimedOut: Error {}

/// Runs `body`, failing with `TimedOut` after `limit`.
func withTimeout<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw TimedOut()
        }
        let value = try await group.next()!
        group.cancelAll()
        return value
    }
}
