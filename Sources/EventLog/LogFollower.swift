import Logging
import Postgres

/// Follows the log: catches up from a reading point, then follows live, woken by this process's
/// appends directly and by other processes' through LISTEN/NOTIFY.
///
/// It does not poll while idle. It re-reads early only when it knows committed events are held
/// back by an older open transaction (which sends no notification when it ends), and once per
/// `safetyInterval` in case a notification was lost.
public struct LogFollower: Sendable {
    public let store: EventStore
    public let listener: PGListener
    public var batchSize: Int
    public var heldBackRetry: Duration
    public var safetyInterval: Duration

    public init(
        store: EventStore, listener: PGListener, batchSize: Int = 500,
        heldBackRetry: Duration = .milliseconds(20), safetyInterval: Duration = .seconds(10)
    ) {
        self.store = store
        self.listener = listener
        self.batchSize = batchSize
        self.heldBackRetry = heldBackRetry
        self.safetyInterval = safetyInterval
    }

    /// Every event after `point`, in commit-safe order, then each new one as it commits. The
    /// stream ends only when the consumer stops or on a database error.
    public func events(after point: LogPoint) -> AsyncThrowingStream<RecordedEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream<RecordedEvent, any Error>.makeStream(bufferingPolicy: .unbounded)
        let wake = WakeSignal()
        // Subscribe before the first read, so that nothing committed after it goes unnoticed.
        let notifications = listener.events(channel: EventStore.channel)
        let store = self.store
        let batchSize = self.batchSize
        let heldBackRetry = self.heldBackRetry
        let safetyInterval = self.safetyInterval
        let origin = store.notifier.origin
        let relay = Task {
            for await event in notifications {
                // This process's own appends woke the reader directly, before they notified.
                if case .notification(let notification) = event, notification.payload == origin { continue }
                wake.signal()
            }
        }
        store.notifier.subscribe(wake)
        let reader = Task {
            var current = point
            do {
                while !Task.isCancelled {
                    let (batch, heldBack) = try await store.readPage(after: current, limit: batchSize)
                    for event in batch {
                        continuation.yield(event)
                        current = event.point
                    }
                    if batch.count == batchSize { continue }
                    await wake.wait(timeout: heldBack ? heldBackRetry : safetyInterval)
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in
            store.notifier.unsubscribe(wake)
            reader.cancel()
            relay.cancel()
        }
        return stream
    }
}
