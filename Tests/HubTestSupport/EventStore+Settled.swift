import EventLog

extension EventStore {
    /// Reads after `point` until a page, read in one snapshot, finds nothing more and nothing
    /// held back: every event committed before the call.
    ///
    /// A single read may stop short. Transaction ids are cluster-wide, and a transaction of a test
    /// beside this one, in another database, that ends between a read's snapshot and its look at
    /// the writers holds that read back (0037_event_writers.sql); a follower reads again, and so
    /// does this.
    public func readSettled(after point: LogPoint, limit: Int = 10_000) async throws -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        var current = point
        for _ in 0..<1_000 {
            let (batch, heldBack) = try await readPage(after: current, limit: limit - events.count)
            events += batch
            current = batch.last?.point ?? current
            if events.count >= limit || (batch.isEmpty && !heldBack) { return events }
            if batch.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        }
        throw NeverSettled(after: current)
    }
}

/// The reader was still held back after 1,000 reads: an open event writer that never ends.
public struct NeverSettled: Error, CustomStringConvertible {
    public var after: LogPoint
    public var description: String { "the reader was still held back after 1,000 reads after \(after)" }
}
