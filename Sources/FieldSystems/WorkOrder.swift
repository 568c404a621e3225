/// A work order as a contractor's system keeps it.
public struct WorkOrder: Sendable, Hashable {
    /// The contractor's own number, e.g. "LP-1001".
    public var number: String
    /// The hub's report id.
    public var hubID: String
    /// The contractor's last word on it: the hub's order code, or its own step.
    public var status: String
    /// The messages received about it, in the order they arrived (the contractor's vocabulary).
    public var received: [String]
    /// The reporter's name, when the hub sent it (only with a processing agreement).
    public var reporterName: String?
}
