import EventLog
import Foundation

/// Small events for the log's tests; the log does not interpret data.
enum EventSamples {
    static func event(_ type: String = "ReportSubmitted", note: String = "lid won't close", id: UUID = UUID()) -> NewEvent {
        let data = #"{"note": "\#(note)", "category": "waste.container"}"#
        return NewEvent(id: id, type: type, schemaVersion: 1, data: Array(data.utf8), metadata: EventMetadata(actor: "test"))
    }

    static func stream() -> String { "report-" + UUID().uuidString.lowercased() }
}
