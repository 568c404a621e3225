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
}
