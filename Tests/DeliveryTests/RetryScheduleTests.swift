import Foundation
import Testing
@testable import Delivery

@Suite("Retry schedule and attempt outcomes")
struct RetryScheduleTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("Each failed attempt waits its step of the schedule, spread by the jitter; after the last, none")
    func schedule() {
        let schedule = RetrySchedule.standard
        #expect(schedule.maxAttempts == 8)
        for (attempt, base) in [(1, 5.0), (2, 300.0), (3, 1800.0), (7, 36_000.0)] {
            for _ in 0..<50 {
                let next = schedule.nextAttempt(after: attempt, at: now)!.timeIntervalSince(now)
                #expect(next >= base * 0.8 && next <= base * 1.2)
            }
        }
        #expect(schedule.nextAttempt(after: 8, at: now) == nil)
        #expect(schedule.nextAttempt(after: 0, at: now) == nil)
    }

    @Test("Retry-After wins when it asks for longer, never for more than a day")
    func retryAfter() {
        let schedule = RetrySchedule(waits: [.seconds(5)], jitter: 0)
        #expect(schedule.nextAttempt(after: 1, at: now, retryAfter: .seconds(120)) == now.addingTimeInterval(120))
        #expect(schedule.nextAttempt(after: 1, at: now, retryAfter: .seconds(1)) == now.addingTimeInterval(5))
        #expect(schedule.nextAttempt(after: 1, at: now, retryAfter: .seconds(10 * 86_400)) == now.addingTimeInterval(86_400))
    }

    @Test("Retry-After as seconds or as an HTTP date; anything else is ignored")
    func parseRetryAfter() {
        #expect(AttemptOutcome.retryAfter("120", now: now) == .seconds(120))
        let date = now.addingTimeInterval(90)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        #expect(AttemptOutcome.retryAfter(formatter.string(from: date), now: now) == .seconds(90))
        #expect(AttemptOutcome.retryAfter("soon", now: now) == nil)
        #expect(AttemptOutcome.retryAfter("-5", now: now) == nil)
    }
}
