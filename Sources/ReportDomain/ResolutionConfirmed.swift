import struct Foundation.Date

/// The reporter agrees the problem is fixed: only now is the report truly handled (rule 1).
public struct ResolutionConfirmed: ReportEventPayload {
    public static let eventType = "ResolutionConfirmed"
    public static let schemaVersion = 1

    public let reportID: ReportID
    public let occurredAt: Date
    public var event: ReportEvent { .resolutionConfirmed(self) }

    public init(reportID: ReportID, occurredAt: Date) {
        self.reportID = reportID
        self.occurredAt = occurredAt
    }

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id"
        case occurredAt = "occurred_at"
    }
}
