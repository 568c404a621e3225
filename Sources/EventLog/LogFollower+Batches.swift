import ServiceLifecycle

extension LogFollower {
    /// Follows the log after `point` and hands `body` the events in batches: whatever arrived while
    /// the previous batch was being handled becomes the next one (at most `limit`), so a burst
    /// costs a few calls, not one per event, and a single event is handled at once. Returns when
    /// a graceful shutdown begins (after the batch in hand) or throws the follower's error.
    public func forEachBatch(after point: LogPoint, limit: Int, _ body: ([RecordedEvent]) async throws -> Void) async throws {
        let queue = EventBatchQueue()
        let stream = events(after: point)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    for try await event in stream.cancelOnGracefulShutdown() { queue.push(event) }
                    queue.finish(nil)
                } catch {
                    queue.finish(error)
                }
            }
            while !Task.isShuttingDownGracefully, let batch = try await queue.next(limit: limit) {
                try await body(batch)
            }
            group.cancelAll()
        }
    }
}
