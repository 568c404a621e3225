import struct Foundation.Date
import EventLog
import ReportDomain

/// One event of a report's stream as the projection reads it: where it is in the log, its
/// metadata, and the domain event (nil when this version of the domain cannot read it).
struct LoggedEvent: Sendable {
    var point: LogPoint
    var streamVersion: Int64
    var recordedAt: Date
    var type: String
    var metadata: EventMetadata
    var event: ReportEvent?
}

extension LoggedEvent {
    /// The report a stream name belongs to; nil for streams that are not reports.
    static func reportID(ofStream stream: String) -> ReportID? {
        guard stream.hasPrefix("report-") else { return nil }
        return UUIDText.parse(stream.dropFirst(7).utf8).map(ReportID.init) ?? ReportID(streamName: stream)
    }
}
