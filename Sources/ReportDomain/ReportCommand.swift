import struct Foundation.Date

/// A request to change a report: who asks, when, and what.
///
/// The domain has no clock: `issuedAt` is the moment every resulting event carries.
public struct ReportCommand: Hashable, Sendable {
    /// The report the command is about (a new number for a submission).
    public var reportID: ReportID
    /// Who asks; `decide` checks they may.
    public var actor: Actor
    /// When they asked.
    public var issuedAt: Date
    /// What they ask.
    public var action: ReportAction

    /// A command for one report.
    public init(reportID: ReportID, actor: Actor, issuedAt: Date, action: ReportAction) {
        self.reportID = reportID
        self.actor = actor
        self.issuedAt = issuedAt
        self.action = action
    }
}
