import struct Foundation.Date

/// The municipality put the report in another category.
///
/// The service level promised at submission stays: the reporter was told a date.
public struct ReportCategorised: ReportEventPayload {
    public static let eventType = "ReportCategorised"
    public static let schemaVersion = 1

    public let reportID: ReportID
    public let occurredAt: Date
    /// The new category.
    public let category: CategoryCode
    /// The category before, kept so analysts can see how often channels guess wrong.
    public let previousCategory: CategoryCode
    public var event: ReportEvent { .reportCategorised(self) }

    public init(reportID: ReportID, occurredAt: Date, category: CategoryCode, previousCategory: CategoryCode) {
        self.reportID = reportID
        self.occurredAt = occurredAt
        self.category = category
        self.previousCategory = previousCategory
    }

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id"
        case occurredAt = "occurred_at"
        case category
        case previousCategory = "previous_category"
    }
}
