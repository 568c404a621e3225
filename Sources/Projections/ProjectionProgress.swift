import EventLog
import Synchronization

/// How far the report projection has committed, for read-your-writes: the HTTP layer answers a
/// POST with the event's `LogPoint` and can await the projection passing it before a GET reads.
public final class ProjectionProgress: Sendable {
    private struct Waiter {
        var point: LogPoint
        var continuation: CheckedContinuation<Bool, Never>
        var timer: Task<Void, Never>?
    }

    private struct State {
        var point: LogPoint
        var waiters: [UInt64: Waiter] = [:]
        var nextID: UInt64 = 0
    }

    private let state: Mutex<State>

    public init(point: LogPoint = .start) {
        state = Mutex(State(point: point))
    }

    /// The projection's committed checkpoint as this process last saw it.
    public var point: LogPoint {
        state.withLock { $0.point }
    }

    /// True once the projection's committed checkpoint is at or past `point`; false when
    /// `timeout` passes first or the waiting task is cancelled.
    public func waitUntilProjected(_ point: LogPoint, timeout: Duration) async -> Bool {
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let immediate: Bool? = state.withLock { state in
                    if state.point >= point { return true }
                    if Task.isCancelled { return false }
                    state.waiters[id] = Waiter(point: point, continuation: continuation, timer: nil)
                    return nil
                }
                if let immediate {
                    continuation.resume(returning: immediate)
                    return
                }
                let timer = Task { [weak self] in
                    try? await Task.sleep(for: timeout)
                    self?.end(id, reached: false)
                }
                let ended = state.withLock { state -> Bool in
                    guard state.waiters[id] != nil else { return true }
                    state.waiters[id]?.timer = timer
                    return false
                }
                if ended { timer.cancel() }
            }
        } onCancel: {
            end(id, reached: false)
        }
    }

    /// Records a committed checkpoint and wakes whoever waited for it.
    func advance(to point: LogPoint) {
        let reached = state.withLock { state -> [Waiter] in
            state.point = point
            let ids = state.waiters.filter { $0.value.point <= point }.map(\.key)
            return ids.compactMap { state.waiters.removeValue(forKey: $0) }
        }
        for waiter in reached {
            waiter.timer?.cancel()
            waiter.continuation.resume(returning: true)
        }
    }

    private func end(_ id: UInt64, reached: Bool) {
        guard let waiter = state.withLock({ $0.waiters.removeValue(forKey: id) }) else { return }
        waiter.timer?.cancel()
        waiter.continuation.resume(returning: reached)
    }
}
