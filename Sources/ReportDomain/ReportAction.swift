import struct Foundation.Date

/// What a command asks to do with a report.
public enum ReportAction: Hashable, Sendable {
    /// Start a new report. Anyone may submit.
    case submit(ReportSubmission)
    /// The municipality takes the report in. Only from `submitted`.
    case acknowledge
    /// The municipality puts the report in another category.
    case categorise(CategoryCode)
    /// The municipality hands the report to one of its departments.
    case assign(Department)
    /// The municipality hands the report to an external party (manually or by routing on category).
    case forward(Party)
    /// The assignee plans the work; the municipality or the party the report is with.
    case scheduleWork(on: Date)
    /// A progress note, public and/or internal, by the municipality or the party the report is with.
    case updateStatus(publicNote: String?, internalNote: String?, workStarted: Bool)
    /// The party the report is with reports the work done.
    case completeWork(photoURL: String?, note: String?)
    /// The party the report is with says "not ours".
    case rejectWork(reason: String)
    /// The municipality closes the report.
    case close(ClosureReason, publicNote: String?, internalNote: String?)
    /// The reporter agrees the problem is fixed.
    case confirmResolution
    /// The reporter, the municipality or the party that did the work says it is not fixed after all.
    case reopen(reason: String?)
    /// The municipality bundles this report under a main report; the caller passes the main report's state.
    case merge(into: Report)
    /// On a main report: record that another report was bundled under it.
    case attachDuplicate(ReportID)
    /// A comment by anyone involved.
    case addComment(String, visibility: CommentVisibility)
    /// The reporter changes how they are kept informed, optionally giving (new) contact data.
    case changeNotificationPreference(NotificationPreference, contact: ReporterContact?)
    /// The reporter answers the satisfaction survey.
    case giveFeedback(score: Int, text: String?)
    /// The municipality removes the reporter's personal data.
    case erasePersonalData(reason: String?)
    /// Record the report's id in another system (the two-sided card index), e.g. the work-order
    /// number a contractor's system answered with. A system has one id per report: a new id for the
    /// same system replaces the link; the same id again records nothing. The municipality (a person
    /// or a system) may link any system's id; a party only its own system's (the system named like
    /// its party id), on a report it was forwarded to.
    case linkExternalID(ExternalReference)

    /// What the action does, in words for error messages ("Cannot … : the report is closed").
    public var phrase: String {
        switch self {
        case .submit: "submit the report"
        case .acknowledge: "acknowledge the report"
        case .categorise: "change the category"
        case .assign: "assign the report to a department"
        case .forward: "forward the report to a party"
        case .scheduleWork: "schedule the work"
        case .updateStatus: "update the status"
        case .completeWork: "report the work done"
        case .rejectWork: "send the report back to the municipality"
        case .close: "close the report"
        case .confirmResolution: "confirm the resolution"
        case .reopen: "reopen the report"
        case .merge: "merge the report"
        case .attachDuplicate: "attach a duplicate"
        case .addComment: "add a comment"
        case .changeNotificationPreference: "change the notification preference"
        case .giveFeedback: "give feedback"
        case .erasePersonalData: "erase personal data"
        case .linkExternalID: "link the report to an id in another system"
        }
    }
}
