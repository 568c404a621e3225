import EmbeddedPostgres
import Foundation
import Logging
import Postgres
import Synchronization

/// The one PostgreSQL server of a test process.
public actor TestCluster {
    public static let shared = TestCluster()

    private var server: Task<PGConnectionConfig, any Error>?

    /// The superuser's connection to the `postgres` database, starting the server on first use.
    public func superuser() async throws -> PGConnectionConfig {
        // One start for all the tests that ask at once: the actor is re-entered while it awaits.
        if let server { return try await server.value }
        let starting = Task { try await Self.start() }
        server = starting
        return try await starting.value
    }

    private static func start() async throws -> PGConnectionConfig {
        let config: PGConnectionConfig
        if let url = ProcessInfo.processInfo.environment["HUB_TEST_DATABASE_URL"], !url.isEmpty {
            config = PGConnectionConfig(url: url)
        } else {
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("hub-tests-\(ProcessInfo.processInfo.processIdentifier)")
            let lease = try await EmbeddedPostgres(directory: directory, logger: Logger(label: "hub.tests")).start()
            StopAtExit.register(lease: lease, directory: directory)
            config = PGConnectionConfig(url: lease.superuserURL)
        }
        return config
    }
}

/// Stops the test process's embedded server when the process exits, synchronously: the test
/// runners offer no asynchronous end-of-run hook, and an orphaned server would outlive CI.
enum StopAtExit {
    private static let stopCommand = Mutex<(arguments: [String], directory: String)?>(nil)

    static func register(lease: EmbeddedPostgresLease, directory: URL) {
        let pgCtl = lease.binDirectory.appendingPathComponent("pg_ctl").path
        var arguments = [pgCtl, "stop", "-D", lease.dataDirectory.path, "-m", "immediate", "-w"]
        if geteuid() == 0 { arguments = ["/usr/sbin/runuser", "-u", "postgres", "--"] + arguments }
        stopCommand.withLock { $0 = (arguments, directory.path) }
        atexit {
            guard let (arguments, directory) = StopAtExit.stopCommand.withLock({ $0 }) else { return }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: arguments[0])
            process.arguments = Array(arguments.dropFirst())
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try? process.run()
            process.waitUntilExit()
            try? FileManager.default.removeItem(atPath: directory)
        }
    }
}
