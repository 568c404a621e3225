import struct Foundation.Date

/// A moment in a document, written as ISO 8601 in UTC with milliseconds
/// (`2026-11-23T10:15:30.123Z`) whatever the encoder's date strategy, and read with or without
/// a fraction and with any UTC offset.
@propertyWrapper
public struct Timestamp: Codable, Hashable, Sendable {
    public var wrappedValue: Date

    public init(wrappedValue: Date) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = DocumentTimestamp.date(from: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 moment with a zone: \(text)")
        }
        wrappedValue = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(DocumentTimestamp.string(from: wrappedValue))
    }
}
