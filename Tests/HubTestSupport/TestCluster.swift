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

/// Stops the test process's embedded server when the process exits. The test runners offer no
/// asynchronous end-of-run hook, and an orphaned server would outlive CI; spawning a program
/// while the process exits can hang, so the postmaster is signalled directly (SIGQUIT: immediate
/// shutdown, which is all a throw-away test cluster needs).
enum StopAtExit {
    private static let cluster = Mutex<(pidFile: String, directory: String)?>(nil)

    static func register(lease: EmbeddedPostgresLease, directory: URL) {
        cluster.withLock { $0 = (lease.dataDirectory.appendingPathComponent("postmaster.pid").path, directory.path) }
        atexit {
            guard let (pidFile, directory) = StopAtExit.cluster.withLock({ $0 }),
                let contents = try? String(contentsOfFile: pidFile, encoding: .utf8),
                let pid = contents.split(separator: "\n").first.flatMap({ pid_t($0) })
            else { return }
            kill(pid, SIGQUIT)
            for _ in 0..<200 where kill(pid, 0) == 0 { usleep(10_000) }
            try? FileManager.default.removeItem(atPath: directory)
        }
    }
}
