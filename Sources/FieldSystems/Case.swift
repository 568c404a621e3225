/// A case in the municipality's case system.
public struct Case: Sendable, Hashable {
    /// The case system's own number, e.g. "MD-2026-0001".
    public var number: String
    /// The hub's report id.
    public var hubID: String
    /// The case system's category code (AFV-CONTAINER), or the hub's when it has no mapping.
    public var category: String
    /// The case log, in the case system's words, in order.
    public var log: [String]
    /// The reporter's name: the municipality's own system gets the whole report.
    public var reporterName: String?
}
