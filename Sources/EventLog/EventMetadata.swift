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

    public init(actor: String, correlationID: String? = nil, causationID: String? = nil, externalIDs: [String: String] = [:]) {
        self.actor = actor
        self.correlationID = correlationID
        self.causationID = causationID
        self.externalIDs = externalIDs
    }

    /// Lenient: metadata written by other tools may leave out what is empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        actor = try container.decodeIfPresent(String.self, forKey: .actor) ?? "unknown"
        correlationID = try container.decodeIfPresent(String.self, forKey: .correlationID)
        causationID = try container.decodeIfPresent(String.self, forKey: .causationID)
        externalIDs = try container.decodeIfPresent([String: String].self, forKey: .externalIDs) ?? [:]
    }

    enum CodingKeys: String, CodingKey {
        case actor
        case correlationID = "correlation_id"
        case causationID = "causation_id"
        case externalIDs = "external_ids"
    }

    /// The metadata as the log stores it: JSON with sorted keys.
    public func encodedJSON() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self))
    }
}
