import struct Foundation.Date

/// The assignee planned the work for a date; the reporter may be told that date.
public struct WorkScheduled: ReportEventPayload {
    public static let eventType = "WorkScheduled"
    public static let schemaVersion = 1

    public let reportID: ReportID
    public let occurredAt: Date
    /// When the work is expected to happen.
    public let scheduledFor: Date
    /// Who planned it: the municipality or the party doing the work.
    public let scheduledBy: Actor
    public var event: ReportEvent { .workScheduled(self) }

    public init(reportID: ReportID, occurredAt: Date, scheduledFor: Date, scheduledBy: Actor) {
        self.reportID = reportID
        self.occurredAt = occurredAt
        self.scheduledFor = scheduledFor
        self.scheduledBy = scheduledBy
    }

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id"
        case occurredAt = "occurred_at"
        case scheduledFor = "scheduled_for"
        case scheduledBy = "scheduled_by"
    }
}
