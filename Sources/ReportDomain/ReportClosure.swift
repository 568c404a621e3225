import struct Foundation.Date

/// The municipality's closing of a report.
public struct ReportClosure: Hashable, Sendable {
    /// Why it was closed; public status depends on it.
    public let reason: ClosureReason
    /// What the reporter and the public are told.
    public let publicNote: String?
    /// When it was closed.
    public let at: Date
}
