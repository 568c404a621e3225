import Foundation
import Logging

/// The mutable side of one `EmbeddedPostgresLease`: whether it was given back, and the release in
/// progress. An actor, so that two concurrent `release()` calls share one release.
actor LeaseLifecycle {
    private let controller: ClusterController
    private let registry: LeaseRegistry
    private let leaseFile: URL
    private let port: Int
    private var release: Task<Void, any Error>?

    init(controller: ClusterController, registry: LeaseRegistry, leaseFile: URL, port: Int) {
        self.controller = controller
        self.registry = registry
        self.leaseFile = leaseFile
        self.port = port
    }

    /// Removes this lease and stops the cluster if it was the last live one. Later calls return once
    /// the first has finished; after a failed release a later call tries again.
    func giveBack() async throws {
        if let release {
            return try await release.value
        }
        let controller = controller, registry = registry, leaseFile = leaseFile
        let task = Task {
            try await BlockingExecutor.run {
                try FileLock.withExclusiveLock(at: controller.layout.lockFile) {
                    registry.remove(leaseFile)
                    let remaining = registry.liveLeases()
                    guard remaining.isEmpty else {
                        controller.logger.debug(
                            "Embedded PostgreSQL stays up for other leases",
                            metadata: ["postgres.leases": "\(remaining.count)"]
                        )
                        return
                    }
                    try controller.stop()
                }
            }
        }
        release = task
        do {
            try await task.value
        } catch {
            release = nil
            throw error
        }
    }

    /// Stops and starts the server on the same port and data directory.
    func restart() async throws {
        guard release == nil else {
            throw EmbeddedPostgresError(.leaseReleased, "restart() on a lease that was already released")
        }
        let controller = controller, port = port
        try await BlockingExecutor.run {
            try FileLock.withExclusiveLock(at: controller.layout.lockFile) {
                try controller.stop()
                try controller.startServer(port: port)
            }
        }
    }
}
