import Foundation

/// One adapter's outbound side as an operator sees it (`hub deliveries list`, the admin API).
public struct AdapterHealth: Sendable, Hashable, Encodable {
    public var adapter: String
    /// Waiting to be sent (including retries not yet due).
    public var pending: Int
    public var inFlight: Int
    /// Dead letters: failed through the whole retry schedule; `redeliver` sends them again.
    public var dead: Int
    /// When the oldest waiting delivery was made: how far behind the receiver is.
    public var oldestPendingAt: Date?
    public var consecutiveFailures: Int
    /// While set and in the future, the circuit is open: nothing is sent to this endpoint.
    public var pausedUntil: Date?
    /// Set when the receiver answered 410 Gone; cleared by `hub deliveries enable`.
    public var disabledAt: Date?
    public var disabledReason: String?
    public var lastSuccessAt: Date?
    public var lastFailureAt: Date?

    enum CodingKeys: String, CodingKey {
        case adapter, pending, dead
        case inFlight = "in_flight"
        case oldestPendingAt = "oldest_pending_at"
        case consecutiveFailures = "consecutive_failures"
        case pausedUntil = "paused_until"
        case disabledAt = "disabled_at"
        case disabledReason = "disabled_reason"
        case lastSuccessAt = "last_success_at"
        case lastFailureAt = "last_failure_at"
    }

    /// A word for its state: `disabled`, `paused`, `backlog`, `dead letters` or `ok`.
    public var condition: String {
        if disabledAt != nil { return "disabled" }
        if let pausedUntil, pausedUntil > Date() { return "paused" }
        if dead > 0 { return "dead letters" }
        if pending > 0 || inFlight > 0 { return "backlog" }
        return "ok"
    }
}
