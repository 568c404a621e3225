import struct Foundation.Date

/// On the main report: another report was bundled under it, so its reporters can be kept informed too.
public struct DuplicateAttached: ReportEventPayload {
    public static let eventType = "DuplicateAttached"
    public static let schemaVersion = 1

    public let reportID: ReportID
    public let occurredAt: Date
    /// The report bundled under this one.
    public let duplicateReportID: ReportID
    public var event: ReportEvent { .duplicateAttached(self) }

    public init(reportID: ReportID, occurredAt: Date, duplicateReportID: ReportID) {
        self.reportID = reportID
        self.occurredAt = occurredAt
        self.duplicateReportID = duplicateReportID
    }

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id"
        case occurredAt = "occurred_at"
        case duplicateReportID = "duplicate_report_id"
    }
}
