/// An error from PostgreSQL or from talking to it.
///
/// It keeps the SQLSTATE and the server's diagnostic fields, but its `description` never prints
/// SQL text, parameter values or the server's detail (which can quote row values): those are
/// only in `debugDescription`, for logs an operator reads, never for a user-facing answer.
public struct PGError: Error, CustomStringConvertible, CustomDebugStringConvertible, Sendable {
    /// What went wrong, in the categories callers act on.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let raw: String
        /// The server could not be reached or refused the connection.
        public static let connectionFailed = Code(raw: "connection_failed")
        /// An established connection broke (server restart, network, admin shutdown).
        public static let connectionLost = Code(raw: "connection_lost")
        /// The server answered a statement with an error; see `sqlState`.
        public static let server = Code(raw: "server")
        /// libpq could not send or process something (out of memory, protocol state).
        public static let client = Code(raw: "client")
        /// A result column could not be decoded into the requested Swift type.
        public static let decoding = Code(raw: "decoding")
        /// The pool is shut down.
        public static let poolClosed = Code(raw: "pool_closed")
        public var description: String { raw }
    }

    public var code: Code
    /// The five-character SQLSTATE of a server error, e.g. `23505` for a unique violation.
    public var sqlState: String?
    /// The constraint a violation is about (safe to show: a schema name, not data).
    public var constraintName: String?
    /// The server's primary message. Not part of `description`: it can quote SQL fragments.
    public var serverMessage: String?
    /// The server's detail. Not part of `description`: it can quote row values.
    public var serverDetail: String?

    public init(
        code: Code, sqlState: String? = nil, constraintName: String? = nil,
        serverMessage: String? = nil, serverDetail: String? = nil
    ) {
        self.code = code
        self.sqlState = sqlState
        self.constraintName = constraintName
        self.serverMessage = serverMessage
        self.serverDetail = serverDetail
    }

    public var isUniqueViolation: Bool { sqlState == "23505" }
    public var isSerializationFailure: Bool { sqlState == "40001" || sqlState == "40P01" }
    public var isInsufficientPrivilege: Bool { sqlState == "42501" }
    /// Class 08 (connection exception), 57P01-03 (shutdown), or a broken connection seen by libpq.
    public var isConnectionProblem: Bool {
        if code == .connectionLost || code == .connectionFailed { return true }
        guard let sqlState else { return false }
        return sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState)
    }

    public var description: String {
        var text = "PostgreSQL error (\(code))"
        if let sqlState { text += " SQLSTATE \(sqlState)" }
        if let constraintName { text += " on constraint \(constraintName)" }
        return text
    }

    public var debugDescription: String {
        var text = description
        if let serverMessage { text += ": \(serverMessage)" }
        if let serverDetail { text += " (\(serverDetail))" }
        return text
    }
}
