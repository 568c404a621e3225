import struct Foundation.Date

/// What the municipality promised at submission (rule 9): when it would answer and when it would be handled.
public struct ServiceLevelPromise: Hashable, Sendable {
    /// The moment by which the municipality promised to acknowledge the report.
    public let acknowledgeBy: Date?
    /// The moment by which the municipality expects the report to be handled; told to the reporter.
    public let resolveBy: Date?

    /// A promise with the given moments.
    public init(acknowledgeBy: Date?, resolveBy: Date?) {
        self.acknowledgeBy = acknowledgeBy
        self.resolveBy = resolveBy
    }

    /// No promise: the municipality configured no service level for this kind of report.
    public static let none = ServiceLevelPromise(acknowledgeBy: nil, resolveBy: nil)
}
