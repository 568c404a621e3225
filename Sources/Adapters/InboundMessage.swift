import Foundation
import ReportDomain

/// One update from a system, read from its own format into our words.
public struct InboundMessage: Sendable, Hashable {
    /// The sender's id of the update (a JSON pointer's value, else the `webhook-id` header), for
    /// idempotency: the same update twice changes the report once.
    public var messageID: String?
    /// The report it is about.
    public var report: ReportReference
    /// Their status code as sent.
    public var statusCode: String
    /// What the code means.
    public var action: InboundAction
    /// For `close`: why.
    public var closureReason: ClosureReason?
    /// The mapping's public text for the code, if any.
    public var publicText: String?
    public var note: String?
    public var photoURL: String?
    public var expectedDate: Date?
    /// When the status changed at their end.
    public var updatedAt: Date?
    public var reason: String?
    /// For `categorise`: our category, mapped from theirs.
    public var category: CategoryCode?
    /// For `forward`: the party, as the hub configuration names it.
    public var party: PartyID?

    public init(
        messageID: String?, report: ReportReference, statusCode: String, action: InboundAction,
        closureReason: ClosureReason? = nil, publicText: String? = nil, note: String? = nil, photoURL: String? = nil,
        expectedDate: Date? = nil, updatedAt: Date? = nil, reason: String? = nil
    ) {
        self.messageID = messageID
        self.report = report
        self.statusCode = statusCode
        self.action = action
        self.closureReason = closureReason
        self.publicText = publicText
        self.note = note
        self.photoURL = photoURL
        self.expectedDate = expectedDate
        self.updatedAt = updatedAt
        self.reason = reason
    }
}
