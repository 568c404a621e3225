import struct Foundation.Date

/// The report's id in another system was recorded (the two-sided card index), e.g. the
/// work-order number a contractor's system answered with, so that later messages naming only
/// that id find the report. A system has one id per report: a later link for the same system
/// replaces this one in the report's state. Internal bookkeeping: never on the public timeline.
public struct ExternalIDLinked: ReportEventPayload {
    public static let eventType = "ExternalIDLinked"
    public static let schemaVersion = 1

    public let reportID: ReportID
    public let occurredAt: Date
    /// The system's name as configured in its adapter, e.g. `lichtpunt`.
    public let system: String
    /// The report's id in that system, e.g. `WO-2026-118`.
    public let externalID: String
    public var event: ReportEvent { .externalIDLinked(self) }

    public init(reportID: ReportID, occurredAt: Date, system: String, externalID: String) {
        self.reportID = reportID
        self.occurredAt = occurredAt
        self.system = system
        self.externalID = externalID
    }

    /// The link as a reference: the system and the id.
    public var reference: ExternalReference {
        // Written by `decide` from a checked reference; a replay trusts the log.
        ExternalReference(uncheckedSystem: system, id: externalID)
    }

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id"
        case occurredAt = "occurred_at"
        case system
        case externalID = "external_id"
    }
}
