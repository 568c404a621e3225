import Adapters
import Curl
import Delivery
import EventLog
import HubConfig
import Hummingbird
import Inbound
import Logging
import NIOCore
import Postgres
import Projections
import Prometheus
import Reports
import ServiceLifecycle

/// The whole running hub as one list of services: the pool, the listener, libcurl, the projector,
/// the adapters' scheduler, workers and poller, and the HTTP server. Built once by `hub serve`,
/// `hub demo` and the end-to-end tests, so that what is tested is what runs.
public struct HubAssembly: Sendable {
    /// In start order; a `ServiceGroup` stops them in reverse: the server stops taking requests
    /// first, then the workers finish the deliveries in flight, the scheduler and the projector
    /// their batches, then libcurl, the listener and the pool close.
    public let services: [any Service]
    public let pool: PGPool
    public let store: EventStore
    /// The adapters that send events out.
    public let targets: [DeliveryTarget]

    /// - Parameters:
    ///   - onServerRunning: called with the port the server listens on (useful with `port: 0`).
    public init(
        configuration: HubConfiguration, adapters: AdapterCatalog, database: PGConnectionConfig, host: String, port: Int,
        connections: Int = 8, metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws {
        let targets = try adapters.adapters.compactMap { try DeliveryTarget(adapter: $0, configuration: configuration) }
        let pool = PGPool(config: database, maxConnections: connections, logger: logger)
        let listener = PGListener(config: database, channels: [EventStore.channel, DeliveryWorker.channel], logger: logger)
        let store = EventStore(pool: pool, logger: logger)
        let projector = ReportProjector(store: store, listener: listener, pool: pool, policy: { configuration.policy(for: $0) }, logger: logger)
        let client = OutboundHTTPClient(logger: logger)
        let handler = ReportCommandHandler(store: store)
        let worker = DeliveryWorker(
            pool: pool, listener: listener, client: client, targets: targets,
            linkExternalID: externalIDLinker(handler: handler, policy: { configuration.policy(for: $0) }),
            readExternalID: externalIDReader(handler: handler),
            logger: logger)
        let scheduler = DeliveryScheduler(
            store: store, listener: listener, pool: pool, targets: targets, publicURL: configuration.publicURL,
            onScheduled: { worker.wake() }, logger: logger)
        let poller = AdapterPoller(
            adapters: adapters.adapters,
            processor: InboundProcessor(pool: pool, handler: handler, configuration: configuration, logger: logger),
            client: client, logger: logger)
        let migrator = Migrator(directory: try SchemaDirectory.migrations())
        let dependencies = HubDependencies(
            configuration: configuration, pool: pool, store: store, listener: listener, queries: ReportQueries(pool: pool),
            waitUntilProjected: { point, timeout in await projector.waitUntilProjected(point, timeout: timeout) },
            metrics: metrics,
            migrationsCurrent: { try await migrator.pending(pool).isEmpty },
            adapters: adapters, wakeDeliveries: { worker.wake() })
        let app = buildApplication(dependencies, host: host, port: port, logger: logger) { channel in
            await onServerRunning(channel.localAddress?.port ?? port)
        }
        self.services = [pool, listener, client, projector, scheduler, worker, poller, app]
        self.pool = pool
        self.store = store
        self.targets = targets
    }
}
