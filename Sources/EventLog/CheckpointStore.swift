import Postgres

/// Where each subscriber has read up to.
public struct CheckpointStore: Sendable {
    public let pool: PGPool

    public init(pool: PGPool) {
        self.pool = pool
    }

    /// The saved reading point of `subscriber`, or `.start`.
    public func load(_ subscriber: String) async throws -> LogPoint {
        let query: PGQuery = "SELECT transaction_id, log_position FROM hub.checkpoints WHERE subscriber = \(subscriber)"
        let result = try await pool.query(query)
        guard result.rowCount == 1 else { return .start }
        return LogPoint(
            transactionID: try result.decode(UInt64.self, row: 0, column: 0),
            position: try result.decode(Int64.self, row: 0, column: 1))
    }

    /// Saves a reading point on `connection`, so that it can share a transaction with the work
    /// it records (a projection's update and its checkpoint commit together).
    public static func save(_ point: LogPoint, for subscriber: String, on connection: PGConnection) throws {
        let query: PGQuery =
            "SELECT hub.save_checkpoint(\(subscriber), \(String(point.transactionID))::xid8, \(point.position))"
        try connection.query(query.prepared())
    }
}
