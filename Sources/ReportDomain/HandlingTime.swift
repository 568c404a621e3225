/// A span of time a service level allows, in whole seconds.
///
/// Plain elapsed time, not working days: a working-day calendar is municipal configuration the
/// domain does not have, and elapsed time is what "within 2 hours" means.
public struct HandlingTime: Hashable, Sendable, Comparable {
    /// The span in seconds.
    public let seconds: Int

    /// A span of the given number of seconds; negative spans count as zero.
    public init(seconds: Int) {
        self.seconds = max(0, seconds)
    }

    /// A span of whole minutes.
    public static func minutes(_ minutes: Int) -> HandlingTime { HandlingTime(seconds: minutes * 60) }
    /// A span of whole hours.
    public static func hours(_ hours: Int) -> HandlingTime { HandlingTime(seconds: hours * 3600) }
    /// A span of whole days of 24 hours.
    public static func days(_ days: Int) -> HandlingTime { HandlingTime(seconds: days * 86_400) }

    public static func < (lhs: HandlingTime, rhs: HandlingTime) -> Bool {
        lhs.seconds < rhs.seconds
    }
}
