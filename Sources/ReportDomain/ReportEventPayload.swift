import struct Foundation.Date

/// The data of one event type in one schema version, as stored in the event log's `data` column.
///
/// Every payload carries its report's id and the moment it happened, so that the data alone is
/// enough to rebuild the report and to tell its history.
public protocol ReportEventPayload: Codable, Hashable, Sendable {
    /// The event type's name in the log, past tense, e.g. `ReportForwarded`.
    static var eventType: String { get }
    /// The version of the payload's JSON shape; a new shape gets a new version and a new schema file.
    static var schemaVersion: Int { get }
    /// The report the event belongs to.
    var reportID: ReportID { get }
    /// When it happened in the world, as the actor said.
    var occurredAt: Date { get }
    /// The payload wrapped as a `ReportEvent`.
    var event: ReportEvent { get }
}
