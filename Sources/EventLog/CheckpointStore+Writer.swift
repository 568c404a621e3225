import Postgres

extension CheckpointStore {
    /// Takes the subscriber's writer lock for the rest of the transaction and reads its stored
    /// point. Every writer of the subscriber's checkpoint (its live batches, a rebuild, the same
    /// subscriber in another process) takes it first, so a batch compares against the point as it
    /// stands, not as it stood when the batch began.
    public static func lockForWriting(_ subscriber: String, on connection: PGConnection) throws -> LogPoint {
        // hub.lock_checkpoint: the lock, then the read, in one round trip.
        let query: PGQuery = "SELECT transaction_id, log_position FROM hub.lock_checkpoint(\(subscriber))"
        let result = try connection.query(query.prepared())
        guard result.rowCount == 1 else { return .start }
        return LogPoint(
            transactionID: try result.decode(UInt64.self, row: 0, column: 0),
            position: try result.decode(Int64.self, row: 0, column: 1))
    }
}
