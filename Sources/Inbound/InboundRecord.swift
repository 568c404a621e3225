import Foundation

/// One message a connected system sent in, as an operator sees it: whole, with what came of it.
public struct InboundRecord: Sendable, Hashable, Encodable {
    public var id: Int64
    public var adapter: String
    public var messageID: String
    /// `webhook` or `poll`.
    public var via: String
    /// `accepted`, `ignored`, `stale` or `rejected`.
    public var status: String
    public var code: String?
    public var reason: String?
    public var reportID: UUID?
    public var theirStatus: String?
    public var updatedAt: Date?
    /// The body as the system sent it.
    public var payload: String
    public var receivedAt: Date
    /// How often it came (a rejected message may be sent again).
    public var attempts: Int

    enum CodingKeys: String, CodingKey {
        case id, adapter, via, status, code, reason, payload, attempts
        case messageID = "message_id"
        case reportID = "report_id"
        case theirStatus = "their_status"
        case updatedAt = "updated_at"
        case receivedAt = "received_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(adapter, forKey: .adapter)
        try container.encode(messageID, forKey: .messageID)
        try container.encode(via, forKey: .via)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(code, forKey: .code)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encodeIfPresent(reportID?.uuidString.lowercased(), forKey: .reportID)
        try container.encodeIfPresent(theirStatus, forKey: .theirStatus)
        try container.encodeIfPresent(updatedAt, forKey: .updatedAt)
        try container.encode(payload, forKey: .payload)
        try container.encode(receivedAt, forKey: .receivedAt)
        try container.encode(attempts, forKey: .attempts)
    }
}
