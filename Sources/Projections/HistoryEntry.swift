import struct Foundation.Date
import ReportDomain

/// One entry of a report's timeline.
///
/// In the public timeline (`publicOnly`), only public entries appear, `summary` is the public
/// summary, and `actor` and `internalNote` are always nil.
public struct HistoryEntry: Sendable, Hashable {
    public var reportID: ReportID
    /// The event's place in the report's stream, from 1.
    public var streamVersion: Int64
    /// The event's global position in the log.
    public var position: Int64
    /// When it happened, as the actor said.
    public var occurredAt: Date
    /// When the hub recorded it.
    public var recordedAt: Date
    /// The event type, e.g. `ReportForwarded`.
    public var eventType: String
    /// Who did it (`reporter`, `user:<id>`, `party:<id>`, `system:<name>`, `adapter:<name>`).
    public var actor: String?
    /// What happened, in one English sentence.
    public var summary: String
    /// The sentence the public may read; nil when the entry is internal.
    public var publicSummary: String?
    /// What the public was told with it.
    public var publicNote: String?
    /// Internal text: an internal note, a reason, a comment.
    public var internalNote: String?
    /// The party's photo of the fix.
    public var photoURL: String?
}
