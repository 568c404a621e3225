import ReportDomain

/// A report's whole stream, in version order, as the rebuild read it: the unit a folding thread
/// takes, so that no report is split between two of them.
struct RebuildReport: Sendable {
    var id: ReportID
    var events: [RebuildEvent]
}
