import struct Foundation.Date

/// The status the reporter and the public see, derived from the internal state by the
/// municipality's `PublicStatusPolicy`. Richer than open/closed (rule 3).
public enum PublicStatus: Hashable, Sendable {
    /// The municipality has the report.
    case received
    /// Someone is working on it.
    case inProgress
    /// The work is planned for a date, by a party when one has it.
    case scheduled(on: Date, partyName: String?)
    /// An external party has it.
    case forwarded(to: String)
    /// Fixed on the street.
    case resolved
    /// Closed, for the given reason, without a fix the reporter may be told about.
    case closed(ClosureReason)

    /// The kind of status, for labels and filters.
    public var kind: PublicStatusKind {
        switch self {
        case .received: .received
        case .inProgress: .inProgress
        case .scheduled: .scheduled
        case .forwarded: .forwarded
        case .resolved: .resolved
        case .closed: .closed
        }
    }
}
