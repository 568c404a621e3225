import EventLog
import Foundation
import ReportDomain

/// One event of the log as a CloudEvents 1.0 structured-mode JSON event: the events feed's
/// items and the body of an outbound delivery in the `cloudevents` format.
///
/// `id` is the event id, `source` the hub's URI for the municipality, `type` a reverse-DNS name of
/// the event type, `subject` the report id, `sequence` the report's stream version (as the spec's
/// sequence extension, a string), `position` the log position to resume the feed after.
public struct CloudEvent: Encodable, Sendable {
    /// The event's data as the log stores it (jsonb text): spliced in as is, never re-encoded.
    public let data: [UInt8]

    public var specversion = "1.0"
    public var id: String
    public var source: String
    public var type: String
    public var subject: String
    public var time: String
    public var datacontenttype = "application/json"
    public var dataschema: String
    public var sequence: String
    public var position: String
    public var municipality: String

    enum CodingKeys: String, CodingKey {
        case specversion, id, source, type, subject, time, datacontenttype, dataschema, sequence, position, municipality
    }

    /// `nl.meldingenhub.report.<EventType>.v<schema version>`.
    public static func typeName(_ eventType: String, schemaVersion: Int) -> String {
        "nl.meldingenhub.report.\(eventType).v\(schemaVersion)"
    }

    public init(_ event: RecordedEvent, data: [UInt8], occurredAt: Date, publicURL: String) {
        id = event.id.uuidString.lowercased()
        source = "\(publicURL)/municipalities/\(event.municipality)"
        type = Self.typeName(event.type, schemaVersion: event.schemaVersion)
        subject = ReportID(streamName: event.stream)?.description ?? event.stream
        time = occurredAt.formatted(.iso8601)
        dataschema = "\(publicURL)/schemas/events/\(event.type).v\(event.schemaVersion).json"
        sequence = String(event.streamVersion)
        position = String(event.position)
        municipality = event.municipality
        self.data = data
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The structured-mode JSON: the attributes, then `"data"` with the stored JSON.
    public func json() throws -> [UInt8] {
        var bytes = Array(try Self.encoder.encode(self))
        bytes.removeLast()  // the closing brace; the attributes are never empty
        bytes += Array(#","data":"#.utf8)
        bytes += data
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    /// A batch (`application/cloudevents-batch+json`): a JSON array of events.
    public static func batch(_ events: [CloudEvent]) throws -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, event) in events.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += try event.json()
        }
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }
}
