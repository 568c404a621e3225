import NIOConcurrencyHelpers

/// The hand-over between the tasks that send requests and the transfer thread that runs them.
final class TransferQueue: Sendable {
    /// A request on its way to the transfer thread, and who waits for its answer.
    struct Submission: Sendable {
        var request: OutboundRequest
        var reply: CheckedContinuation<Result<OutboundResponse, OutboundError>, Never>
    }

    private struct State {
        var submissions: [Submission] = []
        /// Set by `close()`: no new submission is taken, the thread ends once it has none left.
        var isClosing = false
        var isFinished = false
        /// Why new submissions are refused once closing.
        var refusal = OutboundError(kind: .shutdown, message: "the outbound HTTP client is shut down")
        /// Present while the thread runs; only ever used under the lock (see MultiHandle).
        var multi: MultiHandle?
        var finishWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = NIOLockedValueBox(State())

    /// Queues `submission` and wakes the thread; returns the refusal instead once closing.
    func submit(_ submission: Submission) -> OutboundError? {
        state.withLockedValue { state in
            guard !state.isClosing else { return state.refusal }
            state.submissions.append(submission)
            state.multi?.wakeUp()
            return nil
        }
    }

    /// Refuses new submissions from now on; the thread stops after the ones it has.
    func close() {
        state.withLockedValue { state in
            state.isClosing = true
            state.multi?.wakeUp()
        }
    }

    /// Called by the thread once it has a multi handle that `submit` may wake.
    func attach(_ multi: MultiHandle) {
        state.withLockedValue { $0.multi = multi }
    }

    /// Everything submitted since the last call, and whether the client is closing. When
    /// closing, the list is the last one: nothing can be submitted after.
    func take() -> (submissions: [Submission], isClosing: Bool) {
        state.withLockedValue { state in
            defer { state.submissions.removeAll() }
            return (state.submissions, state.isClosing)
        }
    }

    /// Called by the thread as it ends: drops the queue's reference to the multi handle (so the
    /// thread's is the last), refuses everything from now on with `refusal`, and returns what
    /// was still queued (only ever something when the thread could not start).
    func detach(refusing refusal: OutboundError? = nil) -> [Submission] {
        state.withLockedValue { state in
            state.multi = nil
            state.isClosing = true
            if let refusal { state.refusal = refusal }
            defer { state.submissions.removeAll() }
            return state.submissions
        }
    }

    /// Called by the thread last of all, after it has released every libcurl handle.
    func markFinished() {
        let waiters = state.withLockedValue { state in
            state.isFinished = true
            defer { state.finishWaiters.removeAll() }
            return state.finishWaiters
        }
        waiters.forEach { $0.resume() }
    }

    /// Returns once the thread has ended.
    func waitUntilFinished() async {
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            let isFinished = state.withLockedValue { state in
                if !state.isFinished { state.finishWaiters.append(waiter) }
                return state.isFinished
            }
            if isFinished { waiter.resume() }
        }
    }
}
