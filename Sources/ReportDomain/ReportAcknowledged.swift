import struct Foundation.Date

/// The municipality has seen the report and taken it in.
public struct ReportAcknowledged: ReportEventPayload {
    public static let eventType = "ReportAcknowledged"
    public static let schemaVersion = 1

    public let reportID: ReportID
    public let occurredAt: Date
    public var event: ReportEvent { .reportAcknowledged(self) }

    public init(reportID: ReportID, occurredAt: Date) {
        self.reportID = reportID
        self.occurredAt = occurredAt
    }

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id"
        case occurredAt = "occurred_at"
    }
}
