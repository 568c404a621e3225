/// The handling times a municipality commits to for one kind of report (rule 9).
public struct ServiceLevel: Hashable, Sendable {
    /// How soon the municipality answers, e.g. Rotterdam's 2 hours.
    public var acknowledgeWithin: HandlingTime?
    /// How soon the report is handled.
    public var resolveWithin: HandlingTime?

    /// A service level with either or both handling times.
    public init(acknowledgeWithin: HandlingTime? = nil, resolveWithin: HandlingTime? = nil) {
        self.acknowledgeWithin = acknowledgeWithin
        self.resolveWithin = resolveWithin
    }
}
