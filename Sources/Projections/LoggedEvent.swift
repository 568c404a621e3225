import struct Foundation.Data
import struct Foundation.Date
import EventLog
import ReportDomain

/// One event of a report's stream as the fold takes it: where it is in the log, its metadata,
/// and the domain event (nil when this version of the domain cannot read it).
///
/// The live projector has the log's `RecordedEvent`; the rebuild reads a narrower cursor row.
/// Both make this value with `decoding(…)`, so the domain's decoder is the only reader of
/// event data.
struct LoggedEvent: Sendable {
    var point: LogPoint
    var streamVersion: Int64
    var recordedAt: Date
    var type: String
    var metadata: EventMetadata
    var event: ReportEvent?
}

extension LoggedEvent {
    /// The event with its data read by `ReportEvent.decode`, and the domain's reason when it
    /// cannot read it (the event then folds as one that adds nothing).
    static func decoding(
        point: LogPoint, streamVersion: Int64, recordedAt: Date, type: String, schemaVersion: Int, data: Data,
        metadata: EventMetadata
    ) -> (LoggedEvent, ReportError?) {
        var logged = LoggedEvent(
            point: point, streamVersion: streamVersion, recordedAt: recordedAt, type: type, metadata: metadata, event: nil)
        do throws(ReportError) {
            logged.event = try ReportEvent.decode(eventType: type, schemaVersion: schemaVersion, data: data)
            return (logged, nil)
        } catch {
            return (logged, error)
        }
    }
}
