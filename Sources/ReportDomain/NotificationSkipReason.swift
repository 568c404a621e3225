/// Why a reporter is not notified of an event.
public enum NotificationSkipReason: String, Hashable, Sendable, CaseIterable {
    /// The municipality switched notifications off.
    case municipalityDisabled = "municipality_disabled"
    /// The reporter chose not to be informed.
    case reporterChoseNone = "reporter_chose_none"
    /// The reporter wants only the outcome, and this is an intermediate step.
    case notAnOutcome = "not_an_outcome"
    /// The event is internal or caused by the reporter; there is nothing to tell them.
    case notForReporter = "not_for_reporter"
    /// The chosen channel needs contact data the report no longer has (e.g. after erasure).
    case noContact = "no_contact"
    /// The event belongs to a report that is neither this one nor its main report.
    case otherReport = "other_report"
}
