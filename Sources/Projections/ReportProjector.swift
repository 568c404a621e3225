import EventLog
import Logging
import Postgres
import ReportDomain
import ServiceLifecycle

/// Keeps the report read models (`hub.report_projection`, `hub.report_history`,
/// `hub.report_external_ids`) up to date with the log, as a ServiceLifecycle service.
///
/// It resumes from its checkpoint (subscriber `projection.reports`), catches up page by page,
/// then follows the log live. Each batch's rows and the checkpoint commit in one transaction,
/// so a crash or a restart never loses or doubles an event. Reports' states are kept in a
/// bounded cache; on a miss the report's stream is replayed from the log.
///
/// On graceful shutdown it finishes the batch in flight and returns. A database failure is
/// logged and the projector starts again from its checkpoint after a pause.
public final class ReportProjector: Service, Sendable {
    /// The checkpoint's subscriber name.
    public static let subscriber = "projection.reports"

    /// How far the projection has committed; the HTTP layer awaits it for read-your-writes.
    public let progress: ProjectionProgress

    let store: EventStore
    let listener: PGListener
    let pool: PGPool
    let policy: @Sendable (MunicipalityCode) -> MunicipalityPolicy
    let logger: Logger
    let batchSize: Int
    let cacheCapacity: Int
    let metrics = ProjectionMetrics(projection: "reports")

    /// - Parameters:
    ///   - policy: each municipality's policy; public status and labels are derived with it.
    ///   - batchSize: the most events folded and committed in one transaction.
    ///   - cacheCapacity: how many reports' states are kept in memory.
    public init(
        store: EventStore, listener: PGListener, pool: PGPool,
        policy: @escaping @Sendable (MunicipalityCode) -> MunicipalityPolicy,
        logger: Logger = Logger(label: "hub.projection.reports"), batchSize: Int = 500, cacheCapacity: Int = 20_000
    ) {
        self.store = store
        self.listener = listener
        self.pool = pool
        self.policy = policy
        self.logger = logger
        self.batchSize = max(1, batchSize)
        self.cacheCapacity = cacheCapacity
        self.progress = ProjectionProgress()
    }

    /// True once the projection's committed checkpoint is at or past `point` (the point an
    /// append returned), false after `timeout`.
    public func waitUntilProjected(_ point: LogPoint, timeout: Duration) async -> Bool {
        await progress.waitUntilProjected(point, timeout: timeout)
    }

    public func run() async throws {
        await Subscriber.run("the report projection", logger: logger) { try await follow() }
    }

    /// Resumes from the checkpoint, catches up and follows, until shutdown or an error.
    private func follow() async throws {
        var cache = ReportStateCache(capacity: cacheCapacity)
        var lag = LagSampler()
        var point = try await CheckpointStore(pool: pool).load(Self.subscriber)
        progress.advance(to: point)
        logger.info("report projection starting", metadata: ["projection.checkpoint": "\(point)"])

        // Catching up pulls page by page, so that a long backlog never sits in memory.
        while !Task.isShuttingDownGracefully {
            try Task.checkCancellation()
            let (events, _) = try await store.readPage(after: point, limit: batchSize)
            if events.isEmpty { break }
            point = try await project(events, after: point, cache: &cache)
            await lag.sample(store: store, projected: point, into: metrics)
            if events.count < batchSize { break }
        }

        try await LogFollower(store: store, listener: listener, batchSize: batchSize).forEachBatch(after: point, limit: batchSize) { batch in
            point = try await project(batch, after: point, cache: &cache)
            await lag.sample(store: store, projected: point, into: metrics)
        }
    }
}
