import EventLog
import ReportDomain

/// A report's id in another system (`hub.report_external_ids`): the two-sided card index.
///
/// An id names one report; when two claim the same id, the earliest claim in the log wins, in
/// the live projector and in a rebuild alike.
struct ExternalIDRow: Sendable, Hashable {
    var system: String
    var externalID: String
    var reportID: ReportID
    var municipality: MunicipalityCode
    /// The event that named it first.
    var point: LogPoint
}
