import Postgres

/// An error of the event log, with a stable code and a message safe to show.
public struct EventLogError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// The stream was not at the expected version: reload and decide again.
        case conflict = "event_log.conflict"
        /// Part of a batch was stored before: not a retry of one append.
        case partialDuplicate = "event_log.partial_duplicate"
        /// The stream belongs to another municipality.
        case municipalityMismatch = "event_log.municipality_mismatch"
        /// The log refused to change or remove an event.
        case appendOnly = "event_log.append_only"
        /// The event data is not a JSON object, or similar input problems.
        case invalidEvent = "event_log.invalid_event"
        /// A migration file differs from the one applied, or cannot be read.
        case migration = "event_log.migration"
        /// The database failed; see `underlying`.
        case database = "event_log.database"
    }

    public var code: Code
    public var message: String
    public var stream: String?
    /// For conflicts: the version the stream actually had, when known.
    public var actualVersion: Int64?
    public var underlying: PGError?

    public init(code: Code, message: String, stream: String? = nil, actualVersion: Int64? = nil, underlying: PGError? = nil) {
        self.code = code
        self.message = message
        self.stream = stream
        self.actualVersion = actualVersion
        self.underlying = underlying
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
