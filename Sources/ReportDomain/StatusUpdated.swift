import struct Foundation.Date

/// The municipality or the party doing the work wrote a progress note, and may have started the work.
public struct StatusUpdated: ReportEventPayload {
    public static let eventType = "StatusUpdated"
    public static let schemaVersion = 1

    public let reportID: ReportID
    public let occurredAt: Date
    /// What the reporter and the public may read.
    public let publicNote: String?
    /// What only the municipality and its parties may read (planning, materials ordered…).
    public let internalNote: String?
    /// Whether the work has started with this update.
    public let workStarted: Bool
    /// Who wrote the update.
    public let updatedBy: Actor
    public var event: ReportEvent { .statusUpdated(self) }

    public init(reportID: ReportID, occurredAt: Date, publicNote: String?, internalNote: String?, workStarted: Bool, updatedBy: Actor) {
        self.reportID = reportID
        self.occurredAt = occurredAt
        self.publicNote = publicNote
        self.internalNote = internalNote
        self.workStarted = workStarted
        self.updatedBy = updatedBy
    }

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id"
        case occurredAt = "occurred_at"
        case publicNote = "public_note"
        case internalNote = "internal_note"
        case workStarted = "work_started"
        case updatedBy = "updated_by"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reportID, forKey: .reportID)
        try container.encode(occurredAt, forKey: .occurredAt)
        try container.encode(publicNote, forKey: .publicNote)
        try container.encode(internalNote, forKey: .internalNote)
        try container.encode(workStarted, forKey: .workStarted)
        try container.encode(updatedBy, forKey: .updatedBy)
    }
}
