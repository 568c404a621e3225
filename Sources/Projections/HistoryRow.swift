import struct Foundation.Date
import EventLog
import ReportDomain

/// One entry of a report's timeline (`hub.report_history`), one per event.
///
/// `summary` is for the municipality's timeline; `publicSummary` is set only for what the public
/// may see, and the public timeline shows nothing else but `publicNote` and `photoURL`.
struct HistoryRow: Sendable, Hashable {
    var reportID: ReportID
    var streamVersion: Int64
    var municipality: MunicipalityCode
    var point: LogPoint
    var occurredAt: Date
    var recordedAt: Date
    var eventType: String
    /// The metadata's actor: `reporter`, `user:<id>`, `party:<id>`, `system:<name>`, `adapter:<name>`.
    var actor: String
    var summary: String
    var publicSummary: String?
    var publicNote: String?
    var internalNote: String?
    var photoURL: String?
    /// Whether `internalNote` holds the reporter's own words, which erasure removes.
    var reporterWords: Bool
}
