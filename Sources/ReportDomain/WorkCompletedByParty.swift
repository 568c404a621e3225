import struct Foundation.Date

/// The external party that had the report reports the work done: the first moment "resolved" may be told (rule 1).
public struct WorkCompletedByParty: ReportEventPayload {
    public static let eventType = "WorkCompletedByParty"
    public static let schemaVersion = 1

    public let reportID: ReportID
    public let occurredAt: Date
    /// The party that did the work.
    public let partyID: PartyID
    /// A photo of the fix (rule 11).
    public let photoURL: String?
    /// What the party says it did.
    public let note: String?
    public var event: ReportEvent { .workCompletedByParty(self) }

    public init(reportID: ReportID, occurredAt: Date, partyID: PartyID, photoURL: String?, note: String?) {
        self.reportID = reportID
        self.occurredAt = occurredAt
        self.partyID = partyID
        self.photoURL = photoURL
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id"
        case occurredAt = "occurred_at"
        case partyID = "party_id"
        case photoURL = "photo_url"
        case note
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reportID, forKey: .reportID)
        try container.encode(occurredAt, forKey: .occurredAt)
        try container.encode(partyID, forKey: .partyID)
        try container.encode(photoURL, forKey: .photoURL)
        try container.encode(note, forKey: .note)
    }
}
