@testable import EventLog
import Testing

@Suite struct WakeSignalTests {
    @Test func aSignalGivenBeforeTheWaitIsKept() async {
        let wake = WakeSignal()
        wake.signal()
        let started = ContinuousClock.now
        await wake.wait(timeout: .seconds(30))
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func aTimeoutDoesNotLeaveASignalBehind() async {
        let wake = WakeSignal()
        await wake.wait(timeout: .milliseconds(20))
        let started = ContinuousClock.now
        await wake.wait(timeout: .milliseconds(300))
        #expect(ContinuousClock.now - started >= .milliseconds(250), "the second wait ran its full time")
    }

    @Test func aSignalWakesAWaiter() async {
        let wake = WakeSignal()
        let waiting = Task { await wake.wait(timeout: .seconds(30)) }
        try? await Task.sleep(for: .milliseconds(50))
        let started = ContinuousClock.now
        wake.signal()
        await waiting.value
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    /// The timer can end before the waiting side is in place (a zero or tiny timeout, or a task
    /// cancelled at once by a graceful shutdown): the wait must still return, not park until a
    /// signal that may never come. Found as an intermittent stall of `hub bench deliveries`.
    @Test(.timeLimit(.minutes(1)))
    func aTimeoutBeforeTheWaiterIsInPlaceStillEndsTheWait() async {
        let wake = WakeSignal()
        for _ in 0..<5_000 { await wake.wait(timeout: .zero) }
        let cancelled = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            for _ in 0..<1_000 { await wake.wait(timeout: .seconds(30)) }
        }
        let started = ContinuousClock.now
        await cancelled.value
        #expect(ContinuousClock.now - started < .seconds(20))
    }
}
