import Curl
import EventLog
import Foundation
import Logging
import Metrics
import Postgres
import ServiceLifecycle

/// Sends the deliveries of every adapter, as a ServiceLifecycle service: per adapter a loop that
/// claims the due deliveries (at most `maxInFlight`, each the earliest unfinished one of its
/// report), sends them at once through libcurl, and records what came of them in one statement.
///
/// Several processes share the work: a claim skips rows another holds, and a row stays in flight
/// only for its lease, so a process killed mid-delivery loses nothing. New deliveries and finished
/// ones of other processes wake the loops through LISTEN/NOTIFY (channel `hub_deliveries`); those
/// of this process through `wake()` (its scheduler, its admin API), as the loops skip the
/// notifications of their own pool's sessions; retries and paused endpoints by the time they
/// fall due. On graceful shutdown each loop finishes its batch and
/// records it before returning.
public final class DeliveryWorker: Service, Sendable {
    /// The notification channel of the delivery functions.
    public static let channel = "hub_deliveries"

    /// This process's name on the rows it holds.
    public let workerID: String
    let pool: PGPool
    let listener: PGListener?
    let client: OutboundHTTPClient
    let targets: [DeliveryTarget]
    let signals: [String: WakeSignal]
    let logger: Logger
    /// How often leases of dead processes are taken back.
    let leaseSweep: Duration
    /// Links a receiver's own id from its answer on the report (see `DeliveryTarget.externalIDInResponse`).
    let linkExternalID: ExternalIDLinker?
    /// Reads the receiver's id for a report when a body was rendered before it was known.
    let readExternalID: ExternalIDReader?

    public init(
        pool: PGPool, listener: PGListener?, client: OutboundHTTPClient, targets: [DeliveryTarget],
        workerID: String = DeliveryWorker.defaultWorkerID(), leaseSweep: Duration = .seconds(5),
        linkExternalID: ExternalIDLinker? = nil, readExternalID: ExternalIDReader? = nil,
        logger: Logger = Logger(label: "hub.delivery.worker")
    ) {
        self.pool = pool
        self.listener = listener
        self.client = client
        self.targets = targets
        self.workerID = workerID
        self.leaseSweep = leaseSweep
        self.linkExternalID = linkExternalID
        self.readExternalID = readExternalID
        self.logger = logger
        self.signals = Dictionary(uniqueKeysWithValues: targets.map { ($0.name, WakeSignal()) })
    }

    /// `host:pid:random`, unique per process start.
    public static func defaultWorkerID() -> String {
        let host = ProcessInfo.processInfo.hostName
        return "\(host):\(getpid()):\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// Wakes every adapter's loop: something may be due.
    public func wake() {
        for signal in signals.values { signal.signal() }
    }

    public func run() async throws {
        guard !targets.isEmpty else {
            try? await gracefulShutdown()
            return
        }
        let notifications = listener?.events(channel: Self.channel)
        let relay = Task { [self] in
            guard let notifications else { return }
            for await event in notifications {
                // What this process's own sessions announce (its outcomes, its scheduler's
                // deliveries, its admin API's redeliveries) wakes the loops directly; heard
                // again here it only made each loop claim once more for nothing.
                if case .notification(let notification) = event, pool.isOwnSession(backendPID: notification.senderPID) {
                    continue
                }
                wake()
            }
        }
        defer { relay.cancel() }
        logger.info("delivery workers starting", metadata: ["delivery.worker": "\(workerID)", "delivery.adapters": "\(targets.count)"])
        await withTaskGroup(of: Void.self) { group in
            for target in targets {
                group.addTask { await self.deliverWhileRunning(target) }
            }
            group.addTask { await self.sweepLeasesWhileRunning() }
            await group.waitForAll()
        }
    }

    private func deliverWhileRunning(_ target: DeliveryTarget) async {
        let signal = signals[target.name]!
        var pause = Duration.milliseconds(100)
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                let sent = try await deliverBatch(target, limit: target.endpoint.maxInFlight)
                pause = .milliseconds(100)
                if sent > 0 { continue }
                await signal.waitUnlessShuttingDown(timeout: try await idleWait(target))
            } catch {
                if Task.isCancelled || Task.isShuttingDownGracefully { return }
                logger.error(
                    "delivering failed; trying again",
                    metadata: ["adapter": "\(target.name)", "error": "\(error)", "retry.pause": "\(pause)"])
                await signal.waitUnlessShuttingDown(timeout: pause)
                pause = min(pause * 2, .seconds(10))
            }
        }
    }

    /// How long to sleep when nothing was claimable: until the next delivery or the end of a pause
    /// falls due (at most 30 s); a second when that is now (a row waits for its predecessor, held
    /// by another process, whose outcome also notifies); 30 s when the endpoint is disabled.
    private func idleWait(_ target: DeliveryTarget) async throws -> Duration {
        let result = try await pool.query("SELECT hub.next_delivery_due(\(target.name))")
        guard let due = try result.decode(Date?.self, row: 0, column: 0) else { return .seconds(30) }
        let wait = due.timeIntervalSinceNow
        if wait <= 0 { return .seconds(1) }
        return .milliseconds(Int64(min(wait, 30) * 1000) + 1)
    }

    private func sweepLeasesWhileRunning() async {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                let result = try await pool.query("SELECT hub.release_expired_deliveries()")
                let released = try result.decode(Int.self, row: 0, column: 0)
                if released > 0 {
                    wake()
                    logger.warning(
                        "took back deliveries whose sender stopped before it knew the outcome",
                        metadata: ["delivery.released": "\(released)"])
                }
            } catch {
                logger.warning("could not take back expired deliveries", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.leaseSweep) }
        }
    }
}

extension WakeSignal {
    /// Waits for a signal or the timeout, and returns at once when a graceful shutdown begins.
    func waitUnlessShuttingDown(timeout: Duration) async {
        try? await cancelWhenGracefulShutdown { await self.wait(timeout: timeout) }
    }
}
