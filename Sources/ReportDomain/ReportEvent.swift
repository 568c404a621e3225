import struct Foundation.Date

/// Everything that can happen to a report: the facts `decide` produces and `evolve` folds.
public enum ReportEvent: Hashable, Sendable {
    case reportSubmitted(ReportSubmitted)
    case reportAcknowledged(ReportAcknowledged)
    case reportCategorised(ReportCategorised)
    case reportAssigned(ReportAssigned)
    case reportForwarded(ReportForwarded)
    case workScheduled(WorkScheduled)
    case statusUpdated(StatusUpdated)
    case workCompletedByParty(WorkCompletedByParty)
    case workRejectedByParty(WorkRejectedByParty)
    case reportClosed(ReportClosed)
    case resolutionConfirmed(ResolutionConfirmed)
    case reportReopened(ReportReopened)
    case reportMerged(ReportMerged)
    case duplicateAttached(DuplicateAttached)
    case commentAdded(CommentAdded)
    case notificationPreferenceChanged(NotificationPreferenceChanged)
    case feedbackGiven(FeedbackGiven)
    case personalDataErased(PersonalDataErased)
    case externalIDLinked(ExternalIDLinked)

    /// Every payload type the domain knows, in every schema version it can read.
    static let payloadTypes: [any ReportEventPayload.Type] = [
        ReportSubmitted.self, ReportAcknowledged.self, ReportCategorised.self, ReportAssigned.self,
        ReportForwarded.self, WorkScheduled.self, StatusUpdated.self, WorkCompletedByParty.self,
        WorkRejectedByParty.self, ReportClosed.self, ResolutionConfirmed.self, ReportReopened.self,
        ReportMerged.self, DuplicateAttached.self, CommentAdded.self, NotificationPreferenceChanged.self,
        FeedbackGiven.self, PersonalDataErased.self, ExternalIDLinked.self,
    ]

    /// Every (event type, schema version) pair the domain can decode; each has a schema file.
    public static let allTypes: [ReportEventType] = payloadTypes.map {
        ReportEventType(eventType: $0.eventType, schemaVersion: $0.schemaVersion)
    }

    /// The event's data.
    public var payload: any ReportEventPayload {
        switch self {
        case .reportSubmitted(let payload): payload
        case .reportAcknowledged(let payload): payload
        case .reportCategorised(let payload): payload
        case .reportAssigned(let payload): payload
        case .reportForwarded(let payload): payload
        case .workScheduled(let payload): payload
        case .statusUpdated(let payload): payload
        case .workCompletedByParty(let payload): payload
        case .workRejectedByParty(let payload): payload
        case .reportClosed(let payload): payload
        case .resolutionConfirmed(let payload): payload
        case .reportReopened(let payload): payload
        case .reportMerged(let payload): payload
        case .duplicateAttached(let payload): payload
        case .commentAdded(let payload): payload
        case .notificationPreferenceChanged(let payload): payload
        case .feedbackGiven(let payload): payload
        case .personalDataErased(let payload): payload
        case .externalIDLinked(let payload): payload
        }
    }

    /// The event type's name as stored in the log, e.g. `ReportForwarded`.
    public var eventType: String {
        Swift.type(of: payload).eventType
    }

    /// The schema version of the event's data.
    public var schemaVersion: Int {
        Swift.type(of: payload).schemaVersion
    }

    /// The pair of event type and schema version.
    public var type: ReportEventType {
        ReportEventType(eventType: eventType, schemaVersion: schemaVersion)
    }

    /// The report the event belongs to.
    public var reportID: ReportID {
        payload.reportID
    }

    /// The event log stream the event belongs in.
    public var streamName: String {
        reportID.streamName
    }

    /// When it happened.
    public var occurredAt: Date {
        payload.occurredAt
    }
}
