import Foundation

/// An event to append: its id (the idempotency key), type, schema version and JSON data.
public struct NewEvent: Sendable, Hashable {
    public var id: UUID
    public var type: String
    public var schemaVersion: Int
    /// The event's data as UTF-8 JSON (an object).
    public var data: [UInt8]
    public var metadata: EventMetadata

    public init(id: UUID = .timeOrdered(), type: String, schemaVersion: Int = 1, data: [UInt8], metadata: EventMetadata) {
        self.id = id
        self.type = type
        self.schemaVersion = schemaVersion
        self.data = data
        self.metadata = metadata
    }
}
