import EventLog

extension EventStore {
    /// Every event after `point` committed before the call (up to `limit`): a single read may stop
    /// short, since a transaction of a test beside this one, in another database, that ends
    /// between the read's snapshot and its look at the writers holds that read back; a follower
    /// reads again, and so does this (`readPage(after:limit:retryingWhileHeldBack:)`).
    public func readSettled(after point: LogPoint, limit: Int = 10_000) async throws -> [RecordedEvent] {
        let (events, heldBack) = try await readPage(after: point, limit: limit, retryingWhileHeldBack: 1_000)
        if heldBack, events.count < limit { throw NeverSettled(after: events.last?.point ?? point) }
        return events
    }
}

/// The reader was still held back after 1,000 reads: an open event writer that never ends.
public struct NeverSettled: Error, CustomStringConvertible {
    public var after: LogPoint
    public var description: String { "the reader was still held back after 1,000 reads after \(after)" }
}
