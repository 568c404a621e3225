import ReportDomain

/// What one of the system's status codes means.
public struct InboundStatusRule: Sendable, Hashable {
    public var action: InboundAction
    /// For `close`: why (default `resolved`).
    public var closureReason: ClosureReason?
    /// A text for the reporter and the public that goes with the status (a public note on
    /// `start_work` and `close`), when the system itself sends none.
    public var publicText: String?

    public init(action: InboundAction, closureReason: ClosureReason? = nil, publicText: String? = nil) {
        self.action = action
        self.closureReason = closureReason
        self.publicText = publicText
    }
}
