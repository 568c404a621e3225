import struct Foundation.Date

/// The report was handed to an external party to do the work. Forwarded is not handled (rule 1).
public struct ReportForwarded: ReportEventPayload {
    public static let eventType = "ReportForwarded"
    public static let schemaVersion = 1

    public let reportID: ReportID
    public let occurredAt: Date
    /// The party as it was at the moment of forwarding, so the public label never changes afterwards.
    public let party: Party
    public var event: ReportEvent { .reportForwarded(self) }

    public init(reportID: ReportID, occurredAt: Date, party: Party) {
        self.reportID = reportID
        self.occurredAt = occurredAt
        self.party = party
    }

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id"
        case occurredAt = "occurred_at"
        case party
    }
}
