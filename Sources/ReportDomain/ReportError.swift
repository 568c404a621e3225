import struct Foundation.Date

/// Why the domain refused a command or could not read an event.
///
/// `code` is stable (adapters and the HTTP layer map on it); `message` is for people and always
/// says which field or which state is the problem. Neither ever contains the reporter's contact data.
public enum ReportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A field of a command is missing or wrong.
    case invalidField(field: String, reason: String)
    /// The report does not exist; only a submission may start it.
    case notFound(ReportID)
    /// A report with this number already exists.
    case alreadySubmitted(ReportID)
    /// The command names another report than the state it was decided against.
    case wrongReport(expected: ReportID, actual: ReportID)
    /// The policy given belongs to another municipality than the report.
    case wrongMunicipality(report: MunicipalityCode, policy: MunicipalityCode)
    /// This actor may not do this.
    case actorNotAllowed(actor: Actor, action: String, status: ReportStatus?)
    /// The report is closed or confirmed and does not accept this command.
    case finished(action: String, status: ReportStatus)
    /// The report is merged into a main report and follows it; act on the main report.
    case merged(action: String, mainReportID: ReportID)
    /// The report was acknowledged already.
    case alreadyAcknowledged(status: ReportStatus)
    /// The report already has this category.
    case categoryUnchanged(CategoryCode)
    /// The report is already assigned to this department.
    case alreadyAssigned(department: String)
    /// The report is already forwarded to this party.
    case alreadyForwarded(party: String)
    /// The command needs somebody handling the report, and nobody is.
    case notAssigned(action: String, status: ReportStatus)
    /// A party acted on a report that is not with an external party.
    case notForwarded(status: ReportStatus)
    /// A party acted on a report that is with another party (or with the municipality).
    case partyNotAssigned(party: PartyID, assignedTo: String?)
    /// The party already reported the work done.
    case alreadyCompleted(party: String)
    /// Closing as resolved while the external party has not reported the work done (rule 1).
    case awaitingParty(party: String, status: ReportStatus)
    /// Only a report the reporter was told is resolved can be confirmed or rated.
    case notResolved(action: String, status: ReportStatus)
    /// Only a resolved or closed report can be reopened.
    case notReopenable(status: ReportStatus)
    /// The reporter confirmed the fix already; it cannot be confirmed or reopened again.
    case alreadyConfirmed
    /// A report cannot be merged into itself.
    case mergeIntoItself
    /// The chosen main report is itself merged; merge into its main report instead.
    case mainReportIsMerged(mainReportID: ReportID, itsMainReportID: ReportID)
    /// Reports of different municipalities are never bundled.
    case mergeAcrossMunicipalities(report: MunicipalityCode, mainReport: MunicipalityCode)
    /// A report that is itself a main report cannot be merged; bundles stay one level deep.
    case hasDuplicates(count: Int)
    /// The duplicate is already attached to this main report.
    case duplicateAlreadyAttached(ReportID)
    /// The reporter already answered the satisfaction survey for this round of handling.
    case feedbackAlreadyGiven
    /// The event log holds an event type this version of the domain does not know.
    case unknownEventType(eventType: String)
    /// The event log holds a schema version of a known event type that this domain cannot read.
    case unsupportedSchemaVersion(eventType: String, schemaVersion: Int, supported: [Int])
    /// The event data does not match its type's schema.
    case invalidPayload(eventType: String, schemaVersion: Int, reason: String)

    /// A stable, machine-readable code, e.g. `report.not_forwarded`.
    public var code: String {
        switch self {
        case .invalidField: "report.invalid_field"
        case .notFound: "report.not_found"
        case .alreadySubmitted: "report.already_submitted"
        case .wrongReport: "report.wrong_report"
        case .wrongMunicipality: "report.wrong_municipality"
        case .actorNotAllowed: "report.actor_not_allowed"
        case .finished(_, let status): status == .confirmed ? "report.confirmed" : "report.closed"
        case .merged: "report.merged"
        case .alreadyAcknowledged: "report.already_acknowledged"
        case .categoryUnchanged: "report.category_unchanged"
        case .alreadyAssigned: "report.already_assigned"
        case .alreadyForwarded: "report.already_forwarded"
        case .notAssigned: "report.not_assigned"
        case .notForwarded: "report.not_forwarded"
        case .partyNotAssigned: "report.party_not_assigned"
        case .alreadyCompleted: "report.already_completed"
        case .awaitingParty: "report.awaiting_party"
        case .notResolved: "report.not_resolved"
        case .notReopenable: "report.not_reopenable"
        case .alreadyConfirmed: "report.already_confirmed"
        case .mergeIntoItself: "report.merge_into_itself"
        case .mainReportIsMerged: "report.main_is_merged"
        case .mergeAcrossMunicipalities: "report.merge_across_municipalities"
        case .hasDuplicates: "report.has_duplicates"
        case .duplicateAlreadyAttached: "report.duplicate_already_attached"
        case .feedbackAlreadyGiven: "report.feedback_already_given"
        case .unknownEventType: "event.unknown_type"
        case .unsupportedSchemaVersion: "event.unsupported_version"
        case .invalidPayload: "event.invalid_payload"
        }
    }

    /// The field a validation error is about, for problem details' `errors` member.
    public var field: String? {
        if case .invalidField(let field, _) = self { field } else { nil }
    }

    /// A sentence a person understands, naming the field or the report's current state.
    public var message: String {
        switch self {
        case .invalidField(let field, let reason):
            "The field \(field) \(reason)."
        case .notFound(let id):
            "Report \(id) does not exist; only a submission can start a report."
        case .alreadySubmitted(let id):
            "Report \(id) was already submitted; a report is submitted only once."
        case .wrongReport(let expected, let actual):
            "The command is for report \(actual), but was decided against report \(expected)."
        case .wrongMunicipality(let report, let policy):
            "The report belongs to municipality \(report), but the policy of municipality \(policy) was used."
        case .actorNotAllowed(let actor, let action, let status):
            "\(actor.description.capitalisedFirst) may not \(action)" + (status.map { " while the report is \($0.phrase)." } ?? ".")
        case .finished(let action, let status):
            "Cannot \(action): the report is \(status.phrase)."
        case .merged(let action, let main):
            "Cannot \(action): the report is merged into main report \(main) and follows it; act on the main report."
        case .alreadyAcknowledged(let status):
            "The report was acknowledged already; it is \(status.phrase)."
        case .categoryUnchanged(let category):
            "The report is already in category \(category)."
        case .alreadyAssigned(let department):
            "The report is already assigned to \(department)."
        case .alreadyForwarded(let party):
            "The report is already forwarded to \(party)."
        case .notAssigned(let action, let status):
            "Cannot \(action): nobody handles the report yet (it is \(status.phrase)); assign or forward it first."
        case .notForwarded(let status):
            "The report is not with an external party; it is \(status.phrase)."
        case .partyNotAssigned(let party, let assignedTo):
            "Party \(party) may not act on this report: it is " + (assignedTo.map { "with \($0)." } ?? "not with any external party.")
        case .alreadyCompleted(let party):
            "\(party.capitalisedFirst) already reported the work done."
        case .awaitingParty(let party, let status):
            "Cannot close the report as resolved: it is \(status.phrase) and \(party) has not reported the work done. Wait for the party, or close it for another reason."
        case .notResolved(let action, let status):
            "Cannot \(action): the reporter has not been told the report is resolved; it is \(status.phrase)."
        case .notReopenable(let status):
            "Cannot reopen the report: it is \(status.phrase), not resolved or closed."
        case .alreadyConfirmed:
            "The reporter already confirmed the report is fixed; report a new problem instead of reopening this one."
        case .mergeIntoItself:
            "A report cannot be merged into itself."
        case .mainReportIsMerged(let main, let itsMain):
            "Report \(main) is itself merged into report \(itsMain); merge into report \(itsMain) instead."
        case .mergeAcrossMunicipalities(let report, let main):
            "The report belongs to municipality \(report) and the main report to municipality \(main); reports of different municipalities are never merged."
        case .hasDuplicates(let count):
            "The report is a main report with \(count) duplicate(s) under it and cannot itself be merged; merge the other report into this one instead."
        case .duplicateAlreadyAttached(let id):
            "Report \(id) is already attached to this main report."
        case .feedbackAlreadyGiven:
            "The reporter already answered the satisfaction survey for this report."
        case .unknownEventType(let eventType):
            "The event type \(eventType) is unknown to this version of the report domain."
        case .unsupportedSchemaVersion(let eventType, let version, let supported):
            "Version \(version) of event type \(eventType) cannot be read; supported: \(supported.map(String.init).joined(separator: ", "))."
        case .invalidPayload(let eventType, let version, let reason):
            "The data of event \(eventType) v\(version) is invalid: \(reason)."
        }
    }

    public var description: String {
        "\(code): \(message)"
    }
}

extension String {
    fileprivate var capitalisedFirst: String {
        prefix(1).uppercased() + dropFirst()
    }
}
