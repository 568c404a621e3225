import Foundation

/// The waits between attempts of one delivery: after the first failure the first wait, and so on;
/// a failure after the last wait makes the delivery dead. Each wait is spread by a jitter, so that
/// deliveries failed together do not all come back in the same second.
public struct RetrySchedule: Sendable, Hashable {
    public var waits: [Duration]
    /// The fraction each wait may move either way (0.2: between 80 % and 120 %).
    public var jitter: Double

    /// Standard Webhooks' suggestion, close to Svix's: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
    public static let standard = RetrySchedule(
        waits: [.seconds(5), .seconds(300), .seconds(1800), .seconds(7200), .seconds(18_000), .seconds(36_000), .seconds(36_000)])

    public init(waits: [Duration], jitter: Double = 0.2) {
        self.waits = waits
        self.jitter = min(max(jitter, 0), 0.9)
    }

    /// The most attempts a delivery gets: the first and one per wait.
    public var maxAttempts: Int { waits.count + 1 }

    /// When to try again after attempt `attempt` (1-based) failed, or nil when that was the last.
    /// A receiver's `Retry-After` is honoured when it asks for longer than the schedule, up to a day.
    public func nextAttempt<G: RandomNumberGenerator>(
        after attempt: Int, at now: Date, retryAfter: Duration? = nil, using generator: inout G
    ) -> Date? {
        guard attempt >= 1, attempt <= waits.count else { return nil }
        let base = Self.seconds(waits[attempt - 1])
        var wait = jitter > 0 ? base * Double.random(in: (1 - jitter)...(1 + jitter), using: &generator) : base
        if let retryAfter {
            wait = max(wait, min(Self.seconds(retryAfter), 86_400))
        }
        return now.addingTimeInterval(wait)
    }

    public func nextAttempt(after attempt: Int, at now: Date, retryAfter: Duration? = nil) -> Date? {
        var generator = SystemRandomNumberGenerator()
        return nextAttempt(after: attempt, at: now, retryAfter: retryAfter, using: &generator)
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
