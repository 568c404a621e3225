/// The internal state of a report: where it is in its handling.
///
/// Richer than anything the reporter sees; `PublicStatusPolicy` derives the public status from it.
/// Being done by a party (`completedByParty`), being closed by the municipality (`closed`) and being
/// confirmed by the reporter (`confirmed`) are deliberately separate states (rule 1).
public enum ReportStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Recorded, nobody has looked at it yet.
    case submitted
    /// The municipality has seen it and taken it in.
    case acknowledged
    /// A municipal department handles it.
    case assigned
    /// Handed to an external party that has not reported the work done: forwarded, not handled.
    case forwarded
    /// The assignee (department or party) has planned the work for a date.
    case scheduled
    /// The assignee has started the work.
    case inProgress = "in_progress"
    /// The external party reports the work done; the municipality has not closed it yet.
    case completedByParty = "completed_by_party"
    /// An external party said "not ours", or a reopen found nobody to send it to: the municipality must route it again.
    case returnedToMunicipality = "returned_to_municipality"
    /// Closed by the municipality, for the reason recorded in the closure.
    case closed
    /// The reporter agreed it is fixed; nothing may reopen it any more.
    case confirmed
    /// Bundled under a main report, whose status it follows.
    case merged

    /// Whether work on the report is still going on (it is neither finished nor merged away).
    public var isOpen: Bool {
        switch self {
        case .closed, .confirmed, .merged: false
        default: true
        }
    }

    /// A phrase a person understands, used in error messages ("the report is …").
    public var phrase: String {
        switch self {
        case .submitted: "submitted and not yet acknowledged"
        case .acknowledged: "acknowledged by the municipality"
        case .assigned: "assigned to a municipal department"
        case .forwarded: "forwarded to an external party"
        case .scheduled: "scheduled"
        case .inProgress: "in progress"
        case .completedByParty: "reported done by the external party"
        case .returnedToMunicipality: "back with the municipality for routing"
        case .closed: "closed"
        case .confirmed: "confirmed as fixed by the reporter"
        case .merged: "merged into a main report"
        }
    }
}
