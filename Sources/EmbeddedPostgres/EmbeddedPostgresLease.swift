import Foundation

/// One holder's claim on the embedded cluster. The cluster runs while any live process holds a lease;
/// the last `release()` stops it.
///
/// Release before the process exits. A lease that is never released (a crash) does not keep the
/// cluster up for ever: its file is recognised as stale once its process is gone, and the next
/// holder's release stops the cluster.
public final class EmbeddedPostgresLease: Sendable {
    /// libpq connection URL for the `postgres` superuser and database.
    ///
    /// Over the private unix socket when the cluster has one (faster; reachable by root and by the
    /// cluster's owner, the only callers of an embedded cluster), else over TCP on 127.0.0.1.
    public let superuserURL: String
    /// The same over TCP on 127.0.0.1, for clients that cannot use unix sockets.
    public let tcpSuperuserURL: String
    /// The TCP port on 127.0.0.1 (also the number in the unix socket's file name).
    public let port: Int
    /// The cluster's data directory.
    public let dataDirectory: URL
    /// The folder of the server's unix socket, or nil when the server listens on TCP only.
    public let socketDirectory: URL?
    /// The server log.
    public let logFile: URL
    /// The folder of the PostgreSQL programs in use (`psql`, `pg_dump`, … of the same version).
    public let binDirectory: URL

    private let lifecycle: LeaseLifecycle

    init(state: ClusterState, layout: ClusterLayout, binaries: PostgresBinaries, lifecycle: LeaseLifecycle) {
        self.port = state.port
        self.dataDirectory = layout.dataDirectory
        self.socketDirectory = layout.socketDirectory
        self.logFile = layout.logFile
        self.binDirectory = binaries.directory
        self.lifecycle = lifecycle
        self.superuserURL = Self.url(database: "postgres", port: state.port, socketDirectory: layout.socketDirectory)
        self.tcpSuperuserURL = Self.url(database: "postgres", port: state.port, socketDirectory: nil)
    }

    /// The superuser's URL for another database of this cluster (for a database per test, say).
    public func superuserURL(database: String) -> String {
        Self.url(database: database, port: port, socketDirectory: socketDirectory)
    }

    /// Gives the lease back; the last live lease holder stops the cluster (`pg_ctl stop -m fast`).
    /// Idempotent.
    public func release() async throws {
        try await lifecycle.giveBack()
    }

    /// Stops and starts the server again, on the same port and data directory. Connections of every
    /// holder break; meant for tests of reconnecting after a server restart.
    public func restart() async throws {
        try await lifecycle.restart()
    }

    /// Only unreserved characters and `/` stay as they are: paths may hold spaces, `&` or `#`.
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/"
    )

    static func url(database: String, port: Int, socketDirectory: URL?) -> String {
        let name = database.addingPercentEncoding(withAllowedCharacters: unreserved.subtracting(["/"])) ?? database
        guard let socketDirectory else {
            return "postgresql://postgres@127.0.0.1:\(port)/\(name)"
        }
        let host = socketDirectory.path.addingPercentEncoding(withAllowedCharacters: unreserved)
            ?? socketDirectory.path
        return "postgresql://postgres@/\(name)?host=\(host)&port=\(port)"
    }
}
