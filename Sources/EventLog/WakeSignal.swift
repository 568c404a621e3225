import Synchronization

/// A wake-up that one side signals and the other awaits, with a timeout. A signal given while
/// nobody waits is kept, so none is lost between a read and the next wait.
public final class WakeSignal: Sendable {
    public init() {}

    private struct State {
        /// A signal given while nobody waited, for the next wait.
        var pending = false
        var waiter: CheckedContinuation<Void, Never>?
        /// The current wait's time ran out before its waiter was in place: it must not park.
        var expired = false
    }

    private let state = Mutex(State())

    public func signal() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.pending = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// Returns at the first signal, after `timeout`, or when the task is cancelled.
    public func wait(timeout: Duration) async {
        let consumed = state.withLock { state -> Bool in
            state.expired = false
            guard state.pending else { return false }
            state.pending = false
            return true
        }
        if consumed { return }
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    let resumeNow = self.state.withLock { state -> Bool in
                        if state.pending {
                            state.pending = false
                            return true
                        }
                        // The timer (or a cancellation) came first: waiting now would wait for a
                        // signal that may never come, and the group would wait with it.
                        if state.expired { return true }
                        state.waiter = continuation
                        return false
                    }
                    if resumeNow { continuation.resume() }
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                self.timeOut()
            }
            await group.next()
            group.cancelAll()
        }
    }

    /// Ends the current wait without recording a signal, so no later wait returns early; when its
    /// waiter is not in place yet, marks the wait as over so that it does not park.
    private func timeOut() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.expired = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }
}
