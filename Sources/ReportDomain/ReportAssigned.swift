import struct Foundation.Date

/// A municipal department took the report to handle it itself.
public struct ReportAssigned: ReportEventPayload {
    public static let eventType = "ReportAssigned"
    public static let schemaVersion = 1

    public let reportID: ReportID
    public let occurredAt: Date
    /// The department that handles it.
    public let department: Department
    public var event: ReportEvent { .reportAssigned(self) }

    public init(reportID: ReportID, occurredAt: Date, department: Department) {
        self.reportID = reportID
        self.occurredAt = occurredAt
        self.department = department
    }

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id"
        case occurredAt = "occurred_at"
        case department
    }
}
