import struct Foundation.Date

/// Someone involved wrote a comment on the report.
public struct CommentAdded: ReportEventPayload {
    public static let eventType = "CommentAdded"
    public static let schemaVersion = 1

    public let reportID: ReportID
    public let occurredAt: Date
    /// Who wrote it.
    public let author: Actor
    /// The comment.
    public let text: String
    /// Who may read it.
    public let visibility: CommentVisibility
    public var event: ReportEvent { .commentAdded(self) }

    public init(reportID: ReportID, occurredAt: Date, author: Actor, text: String, visibility: CommentVisibility) {
        self.reportID = reportID
        self.occurredAt = occurredAt
        self.author = author
        self.text = text
        self.visibility = visibility
    }

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id"
        case occurredAt = "occurred_at"
        case author, text, visibility
    }
}
