import struct Foundation.Date

/// The problem is not fixed after all; the report goes back to whoever did the work (rule 2).
public struct ReportReopened: ReportEventPayload {
    public static let eventType = "ReportReopened"
    public static let schemaVersion = 1

    public let reportID: ReportID
    public let occurredAt: Date
    /// Who reopened it: the reporter, the party or the municipality.
    public let reopenedBy: Actor
    /// Why, in the words of whoever reopened it.
    public let reason: String?
    /// The party it goes back to, so delivery can send it there without reading the report's state;
    /// `nil` when it goes back to the municipality.
    public let returnedToPartyID: PartyID?
    public var event: ReportEvent { .reportReopened(self) }

    public init(reportID: ReportID, occurredAt: Date, reopenedBy: Actor, reason: String?, returnedToPartyID: PartyID?) {
        self.reportID = reportID
        self.occurredAt = occurredAt
        self.reopenedBy = reopenedBy
        self.reason = reason
        self.returnedToPartyID = returnedToPartyID
    }

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id"
        case occurredAt = "occurred_at"
        case reopenedBy = "reopened_by"
        case reason
        case returnedToPartyID = "returned_to_party_id"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reportID, forKey: .reportID)
        try container.encode(occurredAt, forKey: .occurredAt)
        try container.encode(reopenedBy, forKey: .reopenedBy)
        try container.encode(reason, forKey: .reason)
        try container.encode(returnedToPartyID, forKey: .returnedToPartyID)
    }
}
