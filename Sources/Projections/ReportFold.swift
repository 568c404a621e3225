import ReportDomain

/// A report's state as the projection keeps it: the domain's `Report`, what the rows need beyond
/// it (the reporter's token hash from the submission's metadata), and the stream version it is at.
struct ReportFold: Sendable, Hashable {
    var report: Report
    var reporterTokenHash: String?
    /// The stream version of the last event folded in (events the domain cannot read count too).
    var version: Int64
}
