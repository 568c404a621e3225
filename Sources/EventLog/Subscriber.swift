import Logging
import ServiceLifecycle

/// How a log subscriber's service runs (the report projector, the delivery scheduler): `follow`
/// resumes from its checkpoint and catches up and follows until shutdown. When another writer
/// moved the checkpoint it starts again from there at once; after any other failure, after a pause
/// that doubles up to 10 s. Returns on graceful shutdown or cancellation.
public enum Subscriber {
    public static func run(_ name: String, logger: Logger, follow: () async throws -> Void) async {
        var pause = Duration.milliseconds(100)
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                try await follow()
                return
            } catch let moved as CheckpointMoved {
                logger.info(
                    "\(name): another writer moved the checkpoint; continuing from it", metadata: ["checkpoint": "\(moved.point)"])
                pause = .milliseconds(100)
            } catch {
                if Task.isCancelled || Task.isShuttingDownGracefully { return }
                logger.error(
                    "\(name) failed; starting again from its checkpoint", metadata: ["error": "\(error)", "retry.pause": "\(pause)"])
                let wait = pause
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: wait) }
                pause = min(pause * 2, .seconds(10))
            }
        }
    }
}
