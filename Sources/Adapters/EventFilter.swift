import ReportDomain

/// Which events an adapter's outbound side receives. Pure: the same event and report state
/// always give the same answer, so delivery can decide per event without I/O.
public struct EventFilter: Sendable {
    /// Event type names as the log stores them (`ReportForwarded`); `nil` means all.
    public var eventTypes: Set<String>?
    /// Category codes, or prefixes written `afval.*` (matching `afval.container` but not
    /// `afvalbak`); matched against the report's current category. `nil` means all.
    public var categories: [String]?
    /// Only reports ever forwarded to the adapter's party (rule 4: a contractor never sees
    /// another's reports). Always on for a party's adapter.
    public var onlyAssignedToParty: Bool
    /// Only events that change what the public sees (reporting apps).
    public var publicOnly: Bool
    /// The adapter's municipalities: events of any other municipality never match.
    public var municipalities: Set<MunicipalityCode>
    /// Whether the system also hears of the changes its own messages made. Off for a system that
    /// would take them as news (an Open311 back end would file its own status as a new update).
    public var ownChanges: Bool = true

    public init(
        eventTypes: Set<String>? = nil, categories: [String]? = nil, onlyAssignedToParty: Bool = false,
        publicOnly: Bool = false, municipalities: Set<MunicipalityCode>
    ) {
        self.eventTypes = eventTypes
        self.categories = categories
        self.onlyAssignedToParty = onlyAssignedToParty
        self.publicOnly = publicOnly
        self.municipalities = municipalities
    }

    /// Event types that can change the public view of a report (status, category, public notes).
    /// Notification choices, feedback, erasure and the bookkeeping of duplicates cannot.
    public static let publicEventTypes: Set<String> = [
        ReportSubmitted.eventType, ReportAcknowledged.eventType, ReportCategorised.eventType,
        ReportAssigned.eventType, ReportForwarded.eventType, WorkScheduled.eventType, StatusUpdated.eventType,
        WorkCompletedByParty.eventType, WorkRejectedByParty.eventType, ReportClosed.eventType,
        ResolutionConfirmed.eventType, ReportReopened.eventType, ReportMerged.eventType, CommentAdded.eventType,
    ]

    /// Whether an event of this type on this report goes to the adapter.
    ///
    /// `report` is the report's state (after the event); `municipality` the event's municipality;
    /// `party` the adapter's party, whose reports alone it sees when `onlyAssignedToParty` is on.
    public func matches(eventType: String, report: Report, municipality: MunicipalityCode, party: PartyID?) -> Bool {
        guard municipalities.contains(municipality), report.municipality == municipality else { return false }
        if let eventTypes, !eventTypes.contains(eventType) { return false }
        if publicOnly, !Self.publicEventTypes.contains(eventType) { return false }
        if let categories, !categories.contains(where: { Self.category(report.category, matches: $0) }) { return false }
        if onlyAssignedToParty {
            guard let party, report.isVisible(to: party) else { return false }
        }
        return true
    }

    /// As `matches(eventType:report:municipality:party:)`, and with `publicOnly` also refusing a
    /// status update that only has an internal note and a comment the public may not read.
    public func matches(_ event: ReportEvent, report: Report, municipality: MunicipalityCode, party: PartyID?) -> Bool {
        guard matches(eventType: event.eventType, report: report, municipality: municipality, party: party) else { return false }
        guard publicOnly else { return true }
        switch event {
        case .statusUpdated(let update):
            return update.publicNote != nil || update.workStarted
        case .commentAdded(let comment):
            return comment.visibility == .public && comment.author != .reporter
        default:
            return true
        }
    }

    /// `afval.*` matches `afval.container` (and `afval.container.groot`); anything else matches exactly.
    static func category(_ code: CategoryCode, matches pattern: String) -> Bool {
        if pattern.hasSuffix(".*") {
            return code.rawValue.hasPrefix(String(pattern.dropLast()))
        }
        return code.rawValue == pattern
    }
}
