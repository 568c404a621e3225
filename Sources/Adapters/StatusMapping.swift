import ReportDomain

/// Statuses in both directions.
///
/// Outbound, keys are our event type names (`WorkCompletedByParty`) or report statuses
/// (`forwarded`, `in_progress`); the event type wins, so one event can be named more precisely
/// than the status it leads to. Inbound, keys are their codes.
public struct StatusMapping: Sendable {
    public var outbound: [String: OutboundStatus]
    public var inbound: [String: InboundStatusRule]

    public init(outbound: [String: OutboundStatus] = [:], inbound: [String: InboundStatusRule] = [:]) {
        self.outbound = outbound
        self.inbound = inbound
    }

    /// Their code (and text) for an event that brought a report to `status`.
    public func outboundStatus(eventType: String, status: ReportStatus) -> OutboundStatus? {
        outbound[eventType] ?? outbound[status.rawValue]
    }

    /// What their code means; `nil` for a code the file does not know.
    public func rule(forTheirCode code: String) -> InboundStatusRule? {
        inbound[code]
    }
}
