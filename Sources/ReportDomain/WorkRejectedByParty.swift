import struct Foundation.Date

/// The external party says "not ours": the report goes back to the municipality for routing.
public struct WorkRejectedByParty: ReportEventPayload {
    public static let eventType = "WorkRejectedByParty"
    public static let schemaVersion = 1

    public let reportID: ReportID
    public let occurredAt: Date
    /// The party that sends it back.
    public let partyID: PartyID
    /// Why, for the municipality.
    public let reason: String
    public var event: ReportEvent { .workRejectedByParty(self) }

    public init(reportID: ReportID, occurredAt: Date, partyID: PartyID, reason: String) {
        self.reportID = reportID
        self.occurredAt = occurredAt
        self.partyID = partyID
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id"
        case occurredAt = "occurred_at"
        case partyID = "party_id"
        case reason
    }
}
