import Foundation
import Logging

/// A private PostgreSQL cluster for one hub state folder (normally `./.hub`), run from the installed
/// server programs, for development and tests when no `HUB_DATABASE_URL` is given.
///
/// Every hub process of the same folder shares one cluster: `start()` starts it or joins it, and
/// the cluster stops when the last lease is released. Processes coordinate through files in the
/// folder (a flock'ed lock file, one lease file per live lease, and `postgres.json` with the port).
///
/// As root, `initdb` and `postgres` run as the `postgres` OS user (they refuse root); the cluster
/// then lives outside the folder, under `/tmp/hub-pg-<hash>`, if that user cannot reach the folder.
public struct EmbeddedPostgres: Sendable {
    /// The hub's state folder.
    public let directory: URL
    private let logger: Logger
    private let environment: [String: String]

    /// `./.hub` of the current working directory.
    public static var defaultDirectory: URL {
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
            .appendingPathComponent(".hub", isDirectory: true)
    }

    /// - Parameters:
    ///   - directory: the hub's state folder, normally `./.hub` of the current directory.
    ///   - logger: where to report starts, joins and stops.
    ///   - environment: read for `HUB_POSTGRES_BIN` (the server programs' folder) and `PATH`.
    public init(
        directory: URL,
        logger: Logger,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        // Absolute and without symlinks, so that every process names the folder alike (the lock,
        // the lease files and the /tmp hash all derive from it).
        self.directory = directory.standardizedFileURL.resolvingSymlinksInPath()
        self.logger = logger
        self.environment = environment
    }

    /// Starts the cluster, or joins the one already running for this directory. Returns a lease,
    /// which the caller must `release()` when it no longer needs the database.
    public func start() async throws -> EmbeddedPostgresLease {
        let directory = directory, logger = logger, environment = environment
        let (state, controller, leaseFile) = try await BlockingExecutor.run {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw EmbeddedPostgresError(
                    .directoryUnusable, "cannot create \(directory.path)", underlying: error
                )
            }
            let lockFile = directory.appendingPathComponent("postgres.lock")
            return try FileLock.withExclusiveLock(at: lockFile) {
                let binaries = try PostgresBinaries.locate(environment: environment)
                let statePath = directory.appendingPathComponent("postgres.json")
                let remembered = ClusterState.read(from: statePath)
                let layout = try ClusterLayout.resolve(
                    hubDirectory: directory, remembered: remembered, logger: logger
                )
                try layout.prepareDirectories()
                let controller = ClusterController(layout: layout, binaries: binaries, logger: logger)
                let state = try controller.ensureRunning(remembered: remembered)
                if state != remembered {
                    try state.write(to: layout.stateFile)
                }
                let leaseFile = try LeaseRegistry(directory: layout.leasesDirectory).register()
                return (state, controller, leaseFile)
            }
        }
        let lifecycle = LeaseLifecycle(
            controller: controller,
            registry: LeaseRegistry(directory: controller.layout.leasesDirectory),
            leaseFile: leaseFile,
            port: state.port
        )
        return EmbeddedPostgresLease(
            state: state, layout: controller.layout, binaries: controller.binaries, lifecycle: lifecycle
        )
    }
}
