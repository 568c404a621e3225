/// Why the embedded PostgreSQL cluster could not be started, joined, restarted or stopped.
///
/// The description is safe to show and to log: it holds paths, exit codes and the tail of the server
/// log, never a password (the cluster has none) nor the contents of the database.
public struct EmbeddedPostgresError: Error, CustomStringConvertible {
    /// A stable code, for callers and tests that branch on the kind of failure.
    public enum Code: String, Sendable, Hashable {
        /// `initdb`, `pg_ctl` or `postgres` were not found.
        case binariesNotFound
        /// Running as root, but there is no `postgres` OS user or no `runuser` to become it.
        case postgresUserUnavailable
        /// The `.hub` folder or the cluster's folder cannot be created or is unsafe to use.
        case directoryUnusable
        /// `initdb` failed.
        case initdbFailed
        /// The server did not start or did not come to accept connections.
        case startFailed
        /// The server did not stop.
        case stopFailed
        /// The cross-process lock or the lease files could not be used.
        case coordinationFailed
        /// A child process could not be launched.
        case launchFailed
        /// `restart()` was called on a lease that was already given back.
        case leaseReleased
    }

    /// What went wrong, as a stable code.
    public let code: Code
    /// A message safe to show to an operator.
    public let message: String
    /// The error that caused this one, if any.
    public let underlying: (any Error)?

    /// Makes an error with a code, a safe message and optionally its cause.
    public init(_ code: Code, _ message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    /// Code, message and cause on one line, for logs and for the operator.
    public var description: String {
        if let underlying {
            return "EmbeddedPostgres[\(code.rawValue)]: \(message) (\(underlying))"
        }
        return "EmbeddedPostgres[\(code.rawValue)]: \(message)"
    }
}
