import Foundation
import Logging
@testable import EmbeddedPostgres

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A throw-away `.hub` folder under /tmp for one test, and the forced clean-up of whatever cluster
/// the test left behind, even when it failed half-way.
struct TemporaryHub {
    let directory: URL

    /// - Parameter reachable: mode 0755, so that the postgres user can reach it when we are root
    ///   (the cluster then lives inside); otherwise 0700 like root's home (the cluster goes to /tmp).
    /// - Parameter prefix: the folder name before mkdtemp's random part.
    static func make(reachable: Bool = false, prefix: String = "hub-test-") throws -> TemporaryHub {
        // /tmp, not the checkout: a checkout under /root is exactly what the postgres user cannot reach.
        var template = Array("/tmp/\(prefix)XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw EmbeddedPostgresError(.directoryUnusable, "mkdtemp failed")
        }
        let path = String(cString: made)
        if reachable {
            chmod(path, 0o755)
        }
        return TemporaryHub(directory: URL(fileURLWithPath: path, isDirectory: true))
    }

    func embedded(environment: [String: String] = ProcessInfo.processInfo.environment) -> EmbeddedPostgres {
        var logger = Logger(label: "EmbeddedPostgresTests")
        logger.logLevel = .info
        return EmbeddedPostgres(directory: directory, logger: logger, environment: environment)
    }

    /// The cluster folder recorded for this hub, if a cluster was made.
    var clusterDirectory: URL? {
        ClusterState.read(from: directory.appendingPathComponent("postgres.json"))
            .map { URL(fileURLWithPath: $0.clusterDirectory, isDirectory: true) }
    }

    /// Stops any server still running (immediate mode: its data is thrown away next) and removes the
    /// hub folder and a cluster folder kept outside it.
    func cleanUp() async {
        if let clusterDirectory, let binaries = try? PostgresBinaries.locate(environment: ProcessInfo.processInfo.environment) {
            let layout = ClusterLayout(
                hubDirectory: directory, clusterDirectory: clusterDirectory, owner: try? ClusterLayout.clusterOwner()
            )
            let controller = ClusterController(layout: layout, binaries: binaries, logger: Logger(label: "cleanup"))
            if controller.runningPostmaster() != nil {
                _ = try? await Subprocess(binaries.pgCtl, [
                    "--pgdata=\(layout.dataDirectory.path)", "--mode=immediate", "--wait", "--silent", "stop",
                ], user: layout.owner, workingDirectory: clusterDirectory).run()
            }
            try? FileManager.default.removeItem(at: clusterDirectory)
        }
        try? FileManager.default.removeItem(at: directory)
    }
}
