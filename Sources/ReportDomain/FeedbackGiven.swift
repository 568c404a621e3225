import struct Foundation.Date

/// The reporter answered the satisfaction survey ("KTO", rule 14).
public struct FeedbackGiven: ReportEventPayload {
    public static let eventType = "FeedbackGiven"
    public static let schemaVersion = 1

    public let reportID: ReportID
    public let occurredAt: Date
    /// 1 (very dissatisfied) to 5 (very satisfied).
    public let score: Int
    /// Free text.
    public let text: String?
    public var event: ReportEvent { .feedbackGiven(self) }

    public init(reportID: ReportID, occurredAt: Date, score: Int, text: String?) {
        self.reportID = reportID
        self.occurredAt = occurredAt
        self.score = score
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id"
        case occurredAt = "occurred_at"
        case score, text
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reportID, forKey: .reportID)
        try container.encode(occurredAt, forKey: .occurredAt)
        try container.encode(score, forKey: .score)
        try container.encode(text, forKey: .text)
    }
}
