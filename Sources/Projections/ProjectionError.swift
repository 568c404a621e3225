import Postgres

/// An error of the read models, with a stable code and a message safe to show.
public struct ProjectionError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// A search asked for something impossible (a limit out of range, a bad cursor, a report
        /// number prefix that is too short…); `message` says what.
        case invalidSearch = "projection.invalid_search"
        /// A rebuild needs a pool of at least two connections: one reads, one writes.
        case poolTooSmall = "projection.pool_too_small"
        /// A report's document could not be written as JSON (a value JSON cannot hold).
        case documentEncoding = "projection.document_encoding"
        /// The database failed; see `underlying`.
        case database = "projection.database"
    }

    public var code: Code
    public var message: String
    public var underlying: PGError?

    public init(code: Code, message: String, underlying: PGError? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    static func invalidSearch(_ message: String) -> ProjectionError {
        ProjectionError(code: .invalidSearch, message: message)
    }

    static func database(_ error: PGError) -> ProjectionError {
        ProjectionError(code: .database, message: error.description, underlying: error)
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
