import EventLog
import Foundation

/// What came of one inbound message, as the sender is told and `hub.inbound_messages` keeps it.
public struct InboundOutcome: Sendable, Hashable, Encodable {
    public enum Status: String, Sendable, Hashable, Encodable {
        /// Its command was applied to the report (or had been: a repeat changes nothing).
        case accepted
        /// Understood, nothing to do (a status the report already has, or one the file ignores).
        case ignored
        /// Older than an update already applied from this system for this report: never
        /// overwrites newer state.
        case stale
        /// Not applied; `code` and `reason` say why. Nothing was changed.
        case rejected
    }

    public var status: Status
    /// The sender's id of the message (its `message_id` field or the `webhook-id`).
    public var messageID: String
    public var reportID: UUID?
    /// A stable code for a rejection (`inbound.unknown_status`, `report.invalid_transition` ...).
    public var code: String?
    public var reason: String?
    /// Whether this message was seen before and this is its first outcome, repeated.
    public var repeated: Bool
    /// Where in the log its events are (accepted only, and not when repeated): what a reader of the
    /// projections waits for.
    public var point: LogPoint?

    public init(status: Status, messageID: String, reportID: UUID? = nil, code: String? = nil, reason: String? = nil, repeated: Bool = false) {
        self.status = status
        self.messageID = messageID
        self.reportID = reportID
        self.code = code
        self.reason = reason
        self.repeated = repeated
    }

    enum CodingKeys: String, CodingKey {
        case status, code, reason, repeated
        case messageID = "message_id"
        case reportID = "report_id"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(messageID, forKey: .messageID)
        try container.encodeIfPresent(reportID?.uuidString.lowercased(), forKey: .reportID)
        try container.encodeIfPresent(code, forKey: .code)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encode(repeated, forKey: .repeated)
    }
}
