import Foundation
import ReportDomain

/// One public step of a report, as Open311's updates extension lists them.
public struct PublicUpdate: Sendable, Hashable {
    /// The event's id: the update's stable id.
    public var eventID: UUID
    public var reportID: ReportID
    public var eventType: String
    public var occurredAt: Date
    public var publicSummary: String?
    public var publicNote: String?
    public var photoURL: String?
    /// For a closing: why, so that "fixed" and "closed" stay apart.
    public var closureReason: ClosureReason?
}
