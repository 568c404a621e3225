import Synchronization

/// Hands a follower's events to a consumer (a projector, the delivery scheduler) in batches: whatever arrived while the previous
/// batch was being written becomes the next one, so a burst costs a few transactions, not one
/// per event, and a single event is written at once.
public final class EventBatchQueue: Sendable {
    private struct State {
        var events: [RecordedEvent] = []
        var finished = false
        var failure: (any Error)?
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    public init() {}

    public func push(_ event: RecordedEvent) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.events.append(event)
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// No more events will come; `failure` is thrown to the consumer once the queue is empty.
    public func finish(_ failure: (any Error)?) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.finished = true
            state.failure = failure
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Up to `limit` events, waiting for the first; nil once finished and drained.
    public func next(limit: Int) async throws -> [RecordedEvent]? {
        while true {
            try Task.checkCancellation()
            enum Step { case batch([RecordedEvent]), end, wait }
            let step = state.withLock { state -> Step in
                if !state.events.isEmpty {
                    let count = min(limit, state.events.count)
                    let batch = Array(state.events.prefix(count))
                    state.events.removeFirst(count)
                    return .batch(batch)
                }
                return state.finished ? .end : .wait
            }
            switch step {
            case .batch(let batch):
                return batch
            case .end:
                if let failure = state.withLock({ $0.failure }) { throw failure }
                return nil
            case .wait:
                await withTaskCancellationHandler {
                    await withCheckedContinuation { continuation in
                        let resumeNow = state.withLock { state -> Bool in
                            if !state.events.isEmpty || state.finished || Task.isCancelled { return true }
                            state.waiter = continuation
                            return false
                        }
                        if resumeNow { continuation.resume() }
                    }
                } onCancel: {
                    let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                        defer { state.waiter = nil }
                        return state.waiter
                    }
                    waiter?.resume()
                }
            }
        }
    }
}
