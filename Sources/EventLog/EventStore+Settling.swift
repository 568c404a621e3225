extension EventStore {
    /// A page after `point` that came short because it was held back is read on, every 10 ms, up
    /// to `retries` times, until it is full or nothing is held back any more.
    ///
    /// A read is held back by an open event writer, and also, for a moment, by any transaction
    /// that ends between the read's snapshot and its look at the writers (0044_event_writers_by_table_lock.sql):
    /// that one may have been a writer. A caller that has just had its own append answered
    /// (committed) sees it this way, though a transaction beside it held the first read back.
    public func readPage(
        after point: LogPoint, limit: Int = 1_000, retryingWhileHeldBack retries: Int
    ) async throws -> (events: [RecordedEvent], heldBack: Bool) {
        var (events, heldBack) = try await readPage(after: point, limit: limit)
        var retried = 0
        while heldBack, events.count < limit, retried < retries {
            retried += 1
            try await Task.sleep(for: .milliseconds(10))
            let more = try await readPage(after: events.last?.point ?? point, limit: limit - events.count)
            events += more.events
            heldBack = more.heldBack
        }
        return (events, heldBack)
    }
}
