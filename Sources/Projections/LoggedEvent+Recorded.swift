import struct Foundation.Data
import EventLog
import ReportDomain

extension LoggedEvent {
    /// The event as the projection reads it, and the domain's reason when it cannot read it.
    static func reading(_ recorded: RecordedEvent) -> (LoggedEvent, ReportError?) {
        decoding(
            point: recorded.point, streamVersion: recorded.streamVersion, recordedAt: recorded.recordedAt,
            type: recorded.type, schemaVersion: recorded.schemaVersion, data: Data(recorded.data),
            metadata: recorded.metadata)
    }
}

extension ReportError {
    /// What may be logged of a decoding failure: the stable code, never the offending value.
    static func loggable(_ error: ReportError) -> String {
        error.code
    }
}
