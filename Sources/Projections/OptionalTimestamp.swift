import struct Foundation.Date

/// An optional `Timestamp`: written as `null` when absent, read as absent when missing or null.
@propertyWrapper
public struct OptionalTimestamp: Codable, Hashable, Sendable {
    public var wrappedValue: Date?

    public init(wrappedValue: Date?) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            wrappedValue = nil
            return
        }
        wrappedValue = try Timestamp(from: decoder).wrappedValue
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue {
            try container.encode(DocumentTimestamp.string(from: wrappedValue))
        } else {
            try container.encodeNil()
        }
    }
}

extension KeyedDecodingContainer {
    /// Lets a document leave an optional moment out entirely, as it may any other optional field.
    public func decode(_ type: OptionalTimestamp.Type, forKey key: Key) throws -> OptionalTimestamp {
        try decodeIfPresent(type, forKey: key) ?? OptionalTimestamp(wrappedValue: nil)
    }
}
