import struct Foundation.Date

/// The reporter's personal data was removed from the report (rule 12).
public struct PersonalDataErased: ReportEventPayload {
    public static let eventType = "PersonalDataErased"
    public static let schemaVersion = 1

    public let reportID: ReportID
    public let occurredAt: Date
    /// Why: the reporter's request, the end of the retention period…
    public let reason: String?
    public var event: ReportEvent { .personalDataErased(self) }

    public init(reportID: ReportID, occurredAt: Date, reason: String?) {
        self.reportID = reportID
        self.occurredAt = occurredAt
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id"
        case occurredAt = "occurred_at"
        case reason
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reportID, forKey: .reportID)
        try container.encode(occurredAt, forKey: .occurredAt)
        try container.encode(reason, forKey: .reason)
    }
}
