import EventLog
import Logging
import ServiceLifecycle

/// Logs every event appended from now on: the operator's live view of the log, and the place
/// where projections and deliveries will follow it in later versions.
struct LogTail: Service {
    let follower: LogFollower
    let logger: Logger

    func run() async throws {
        let start = try await follower.store.endPoint()
        logger.info("following the event log", metadata: ["log.point": "\(start)"])
        for try await event in follower.events(after: start).cancelOnGracefulShutdown() {
            logger.info(
                "event appended",
                metadata: [
                    "event.type": "\(event.type)", "event.position": "\(event.position)",
                    "report.stream": "\(event.stream)", "event.version": "\(event.streamVersion)",
                    "event.actor": "\(event.metadata.actor)",
                ])
        }
    }
}
