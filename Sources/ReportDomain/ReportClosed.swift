import struct Foundation.Date

/// The municipality closed the report. Closed is not the same as fixed: the reason says which (rule 1).
public struct ReportClosed: ReportEventPayload {
    public static let eventType = "ReportClosed"
    public static let schemaVersion = 1

    public let reportID: ReportID
    public let occurredAt: Date
    /// Why it was closed.
    public let reason: ClosureReason
    /// What the reporter and the public are told.
    public let publicNote: String?
    /// What only the municipality keeps.
    public let internalNote: String?
    public var event: ReportEvent { .reportClosed(self) }

    public init(reportID: ReportID, occurredAt: Date, reason: ClosureReason, publicNote: String?, internalNote: String?) {
        self.reportID = reportID
        self.occurredAt = occurredAt
        self.reason = reason
        self.publicNote = publicNote
        self.internalNote = internalNote
    }

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id"
        case occurredAt = "occurred_at"
        case reason
        case publicNote = "public_note"
        case internalNote = "internal_note"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reportID, forKey: .reportID)
        try container.encode(occurredAt, forKey: .occurredAt)
        try container.encode(reason, forKey: .reason)
        try container.encode(publicNote, forKey: .publicNote)
        try container.encode(internalNote, forKey: .internalNote)
    }
}
