/// What a status code the system sends means for the report.
public enum InboundAction: String, Sendable, CaseIterable {
    /// The municipality takes the report in (a case system's first status).
    case acknowledge
    /// The work is planned; needs the expected date.
    case schedule
    /// The work has started.
    case startWork = "start_work"
    /// The party reports the work done, optionally with a photo of the fix.
    case partyDone = "done"
    /// The party says "not ours"; needs a reason.
    case rejectWork = "reject"
    /// A note for the people working on the report.
    case comment
    /// The municipality closes the report (with the closure reason the mapping names).
    case close
    /// It is not fixed after all.
    case reopen
    /// The municipality puts the report in another category (theirs at `inbound.category`, mapped
    /// by `categories:`): a case system correcting the reporter's choice.
    case categorise
    /// The municipality routes the report to a party (at `inbound.party`): a case system deciding
    /// who does the work, e.g. after a party sent it back as "not ours".
    case forward
    /// A code the system sends that means nothing for the report; accepted and dropped.
    case ignore

    /// Whether a party's system may send it: the municipality's own decisions are not a
    /// contractor's to make.
    public var isForParties: Bool {
        switch self {
        case .schedule, .startWork, .partyDone, .rejectWork, .comment, .reopen, .ignore: true
        case .acknowledge, .close, .categorise, .forward: false
        }
    }

    /// Whether a system that is not a party (a municipality's case system) may send it: only a
    /// party reports its own work done or sends a report back.
    public var isForMunicipalSystems: Bool {
        switch self {
        case .partyDone, .rejectWork: false
        default: true
        }
    }
}
