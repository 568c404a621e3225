import EventLog
import ReportDomain

/// One command of several that `ReportCommandHandler.handle(_:policy:)` decides in turn, each on
/// the state the ones before it leave, and stores together: all or none.
public struct ReportCommandStep: Sendable {
    /// What is asked.
    public var command: ReportCommand
    /// The caller's request id for this step; the same key yields the same event ids.
    public var idempotencyKey: String?
    /// Who asked and how it correlates; `actor` defaults from the command.
    public var metadata: EventMetadata?

    /// A step; see the properties.
    public init(_ command: ReportCommand, idempotencyKey: String? = nil, metadata: EventMetadata? = nil) {
        self.command = command
        self.idempotencyKey = idempotencyKey
        self.metadata = metadata
    }
}
