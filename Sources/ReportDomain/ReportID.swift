import struct Foundation.UUID

/// The number of one report, stable for its whole life in every connected system.
///
/// Encoded as the lower-case UUID string, because that is also how the event log names the stream.
public struct ReportID: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The UUID behind the number.
    public let uuid: UUID

    /// Wraps an existing UUID.
    public init(_ uuid: UUID) {
        self.uuid = uuid
    }

    /// Parses a report number from its UUID text; `nil` when the text is not a UUID.
    public init?(_ text: String) {
        guard let uuid = UUID(uuidString: text) else { return nil }
        self.uuid = uuid
    }

    /// Reads a report number back from an event log stream name such as `report-3f2a…`.
    public init?(streamName: String) {
        guard streamName.hasPrefix(Self.streamPrefix) else { return nil }
        self.init(String(streamName.dropFirst(Self.streamPrefix.count)))
    }

    /// A fresh random report number.
    public static func generate() -> ReportID {
        ReportID(UUID())
    }

    /// The event log stream holding this report's events: `"report-"` + lower-case UUID.
    public var streamName: String {
        Self.streamPrefix + description
    }

    /// The lower-case UUID text, the form used on every wire.
    public var description: String {
        uuid.uuidString.lowercased()
    }

    static let streamPrefix = "report-"

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = ReportID(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a UUID: \(text)")
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
