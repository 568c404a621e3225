import struct Foundation.Date

/// The state of one report, built by folding its events with `Report.evolve(_:_:)`.
///
/// Only `evolve` changes it, so the state is always exactly what the event log says.
public struct Report: Hashable, Sendable {
    /// The report's number.
    public internal(set) var id: ReportID
    /// The municipality responsible for it.
    public internal(set) var municipality: MunicipalityCode
    /// How it reached the municipality.
    public internal(set) var channel: Channel
    /// The current category.
    public internal(set) var category: CategoryCode
    /// The reporter's description of the problem.
    public internal(set) var description: String
    /// Where the problem is.
    public internal(set) var location: Location
    /// The reporter's photos.
    public internal(set) var photoURLs: [String]
    /// How to reach the reporter; `nil` for anonymous reports and after erasure.
    public internal(set) var contact: ReporterContact?
    /// The reporter's choice of notifications.
    public internal(set) var notificationPreference: NotificationPreference
    /// How urgent the report is.
    public internal(set) var urgency: Urgency
    /// The report's number in the system it came from; follows a later link of that same system.
    public internal(set) var externalReference: ExternalReference?
    /// The report's ids in other systems, one per system, oldest link first: the submission's
    /// external reference and every `ExternalIDLinked`, a newer id of a system replacing its older one.
    /// Ids that only an event's metadata named are not here; the projection's card index has those too.
    public internal(set) var externalReferences: [ExternalReference]
    /// When the reporter made the report: the date that matters (rule 8).
    public internal(set) var submittedAt: Date
    /// What the municipality promised at submission (rule 9).
    public internal(set) var serviceLevel: ServiceLevelPromise

    /// Where the report is in its handling.
    public internal(set) var status: ReportStatus
    /// Who handles it now.
    public internal(set) var assignee: Assignee?
    /// Every party that ever received the report; each sees only these reports (rule 4).
    public internal(set) var involvedParties: [PartyID]
    /// The date the work is planned for.
    public internal(set) var scheduledFor: Date?
    /// The party's report of the work done in the current round of handling.
    public internal(set) var completion: WorkCompletion?
    /// The party that last reported work done; a reopen goes back to it (rule 2).
    public internal(set) var lastCompletedBy: Party?
    /// The municipality's closing, while the report is closed.
    public internal(set) var closure: ReportClosure?
    /// When the reporter confirmed the fix; after that nothing reopens the report.
    public internal(set) var confirmedAt: Date?
    /// How often the report was reopened.
    public internal(set) var reopenCount: Int

    /// Notes the reporter and the public may read.
    public internal(set) var publicNotes: [ReportNote]
    /// Notes only the municipality and its parties may read; never in a public view (rule 3).
    public internal(set) var internalNotes: [ReportNote]
    /// Comments by anyone involved.
    public internal(set) var comments: [ReportComment]
    /// The reporter's answer to the satisfaction survey in the current round.
    public internal(set) var feedback: SatisfactionFeedback?

    /// The main report this one is bundled under (rule 6).
    public internal(set) var mainReportID: ReportID?
    /// The reports bundled under this one, when it is a main report.
    public internal(set) var duplicateIDs: [ReportID]

    /// Whether the reporter's personal data was erased (rule 12).
    public internal(set) var isPersonalDataErased: Bool
    /// The number of events folded into this state: the stream version of the last one, counting from 1.
    public internal(set) var version: Int
    /// When the last event happened.
    public internal(set) var updatedAt: Date

    /// The party the report is with now, if any.
    public var currentParty: Party? {
        assignee?.party
    }

    /// The report's id in the given system, if one is linked, e.g. `externalID(in: "lichtpunt")`.
    public func externalID(in system: String) -> String? {
        externalReferences.first { $0.system == system }?.id
    }

    /// Whether the municipality's promised handling moment has passed while the work is not done.
    ///
    /// A report the party reported done, or that is closed, confirmed or merged, is no longer late.
    public func isPastExpectedResolution(at now: Date) -> Bool {
        guard let resolveBy = serviceLevel.resolveBy else { return false }
        switch status {
        case .completedByParty, .closed, .confirmed, .merged: return false
        default: return now > resolveBy
        }
    }

    /// Whether the given party may see this report: only parties it was ever forwarded to (rule 4).
    public func isVisible(to party: PartyID) -> Bool {
        involvedParties.contains(party)
    }
}
