import Foundation

/// What the log records about an event besides its data: who caused it and how it links to
/// other events and to the ids the connected systems use.
public struct EventMetadata: Sendable, Hashable, Codable {
    /// Who did it: `adapter:<name>`, `user:<id>`, `reporter`, `system`.
    public var actor: String
    /// The id shared by all events that one outside request caused.
    public var correlationID: String?
    /// The id of the event or message that caused this one.
    public var causationID: String?
    /// This event's ids in other systems, by system name (e.g. "melddesk": "Z-2026-0042").
    public var externalIDs: [String: String]
    /// On a submission: the sha256 (hex) of the token handed to the reporter, so that the token
    /// proves "this is my report" without the log ever holding the token itself.
    public var reporterTokenHash: String?

    public init(actor: String, correlationID: String? = nil, causationID: String? = nil, externalIDs: [String: String] = [:], reporterTokenHash: String? = nil) {
        self.actor = actor
        self.correlationID = correlationID
        self.causationID = causationID
        self.externalIDs = externalIDs
        self.reporterTokenHash = reporterTokenHash
    }

    /// Lenient: metadata written by other tools may leave out what is empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        actor = try container.decodeIfPresent(String.self, forKey: .actor) ?? "unknown"
        correlationID = try container.decodeIfPresent(String.self, forKey: .correlationID)
        causationID = try container.decodeIfPresent(String.self, forKey: .causationID)
        externalIDs = try container.decodeIfPresent([String: String].self, forKey: .externalIDs) ?? [:]
        reporterTokenHash = try container.decodeIfPresent(String.self, forKey: .reporterTokenHash)
    }

    enum CodingKeys: String, CodingKey {
        case actor
        case correlationID = "correlation_id"
        case causationID = "causation_id"
        case externalIDs = "external_ids"
        case reporterTokenHash = "reporter_token_sha256"
    }

    /// The metadata as the log stores it: JSON with sorted keys.
    public func encodedJSON() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self))
    }
}
