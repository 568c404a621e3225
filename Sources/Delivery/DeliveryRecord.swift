import Foundation

/// One delivery as an operator sees it: what was sent to whom, and every fact of its sending.
public struct DeliveryRecord: Sendable, Hashable, Encodable {
    public var id: Int64
    public var adapter: String
    public var eventID: UUID
    public var reportID: UUID
    public var eventType: String
    public var streamVersion: Int64
    /// The `webhook-id` the receiver saw on every attempt.
    public var webhookID: String
    /// `pending`, `in_flight`, `delivered` or `dead`.
    public var state: String
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastAttemptAt: Date?
    public var lastStatus: Int?
    public var lastError: String?
    public var lastResponse: String?
    public var deliveredAt: Date?
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, adapter, state, attempts
        case eventID = "event_id"
        case reportID = "report_id"
        case eventType = "event_type"
        case streamVersion = "stream_version"
        case webhookID = "webhook_id"
        case nextAttemptAt = "next_attempt_at"
        case lastAttemptAt = "last_attempt_at"
        case lastStatus = "last_status"
        case lastError = "last_error"
        case lastResponse = "last_response"
        case deliveredAt = "delivered_at"
        case createdAt = "created_at"
    }

    /// Ids in lower case, as everywhere else in the hub's JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(adapter, forKey: .adapter)
        try container.encode(eventID.uuidString.lowercased(), forKey: .eventID)
        try container.encode(reportID.uuidString.lowercased(), forKey: .reportID)
        try container.encode(eventType, forKey: .eventType)
        try container.encode(streamVersion, forKey: .streamVersion)
        try container.encode(webhookID, forKey: .webhookID)
        try container.encode(state, forKey: .state)
        try container.encode(attempts, forKey: .attempts)
        try container.encode(nextAttemptAt, forKey: .nextAttemptAt)
        try container.encodeIfPresent(lastAttemptAt, forKey: .lastAttemptAt)
        try container.encodeIfPresent(lastStatus, forKey: .lastStatus)
        try container.encodeIfPresent(lastError, forKey: .lastError)
        try container.encodeIfPresent(lastResponse, forKey: .lastResponse)
        try container.encodeIfPresent(deliveredAt, forKey: .deliveredAt)
        try container.encode(createdAt, forKey: .createdAt)
    }
}
