import struct Foundation.Date

/// The report is bundled under a main report about the same problem, and follows its status (rule 6).
public struct ReportMerged: ReportEventPayload {
    public static let eventType = "ReportMerged"
    public static let schemaVersion = 1

    public let reportID: ReportID
    public let occurredAt: Date
    /// The main report.
    public let mainReportID: ReportID
    public var event: ReportEvent { .reportMerged(self) }

    public init(reportID: ReportID, occurredAt: Date, mainReportID: ReportID) {
        self.reportID = reportID
        self.occurredAt = occurredAt
        self.mainReportID = mainReportID
    }

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id"
        case occurredAt = "occurred_at"
        case mainReportID = "main_report_id"
    }
}
