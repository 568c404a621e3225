/// One event type in one schema version: the pair the event log stores beside the data.
public struct ReportEventType: Hashable, Sendable, CustomStringConvertible {
    /// The event type's name, e.g. `ReportSubmitted`.
    public let eventType: String
    /// The payload's schema version.
    public let schemaVersion: Int

    /// A pair as stored in the log.
    public init(eventType: String, schemaVersion: Int) {
        self.eventType = eventType
        self.schemaVersion = schemaVersion
    }

    /// The name of the JSON Schema file describing the payload, e.g. `ReportSubmitted.v1.json`.
    public var schemaFileName: String {
        "\(eventType).v\(schemaVersion).json"
    }

    public var description: String {
        "\(eventType) v\(schemaVersion)"
    }
}
