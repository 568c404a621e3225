import Adapters
import ArgumentParser
import Curl
import Delivery
import EventLog
import Foundation
import HubConfig
import HubServer
import Inbound
import Logging
import Metrics
import Postgres
import Projections
import Prometheus
import Reports
import ServiceLifecycle
import UnixSignals

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the hub: the HTTP API, Open311 and the status page, the projector and the adapters' deliveries, until SIGTERM or SIGINT.",
        discussion: """
            Environment: HUB_CONFIG (the configuration file, default deploy/hub.yaml), HUB_ADAPTERS_DIR
            (the adapter files, default adapters/) and the secrets they name, HUB_HTTP_HOST,
            HUB_HTTP_PORT, and the database variables of `hub --help`. An adapter file with an error
            stops the start, naming file and line. SIGTERM stops accepting requests, finishes those
            in flight, the projector's batch and the deliveries in flight, then closes the pool.
            """)

    @Option(help: "Connections in the pool.")
    var connections = 8

    @Option(help: "The address to listen on (HUB_HTTP_HOST, default 127.0.0.1).")
    var host: String?

    @Option(help: "The port to listen on (HUB_HTTP_PORT, default 8080).")
    var port: Int?

    func run() async throws {
        Hub.bootstrapLogging(defaultLevel: .info)
        let logger = Logger(label: "hub.serve")
        let environment = ProcessInfo.processInfo.environment
        let configuration = try ConfigurationFile.load()
        let adapters = try AdapterCatalog.load(
            directory: try AdaptersCommand.directory(environment: environment), configuration: configuration, environment: environment)
        let targets = try adapters.adapters.compactMap { try DeliveryTarget(adapter: $0, configuration: configuration) }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let database = try await HubDatabase.open(logger: logger)
        let host = host ?? environment["HUB_HTTP_HOST"] ?? "127.0.0.1"
        let port = try port ?? environment["HUB_HTTP_PORT"].map { text in
            guard let port = Int(text), (0...65535).contains(port) else { throw ValidationError("HUB_HTTP_PORT must be a port number") }
            return port
        } ?? 8080
        logger.info("serving", metadata: ["database": "\(database.summary)", "http": "\(host):\(port)"])
        let pool = PGPool(config: database.runtime, maxConnections: connections, logger: logger)
        let listener = PGListener(config: database.runtime, channels: [EventStore.channel, DeliveryWorker.channel], logger: logger)
        let store = EventStore(pool: pool, logger: logger)
        let projector = ReportProjector(store: store, listener: listener, pool: pool, policy: { configuration.policy(for: $0) }, logger: logger)
        let client = OutboundHTTPClient(logger: logger)
        let worker = DeliveryWorker(
            pool: pool, listener: listener, client: client, targets: targets,
            linkExternalID: externalIDLinker(handler: ReportCommandHandler(store: store), policy: { configuration.policy(for: $0) }),
            logger: logger)
        let scheduler = DeliveryScheduler(
            store: store, listener: listener, pool: pool, targets: targets, publicURL: configuration.publicURL,
            onScheduled: { worker.wake() }, logger: logger)
        logger.info("adapters loaded", metadata: [
            "adapters": "\(adapters.adapters.map(\.name.rawValue).joined(separator: ", "))", "adapters.outbound": "\(targets.count)",
        ])
        let poller = AdapterPoller(
            adapters: adapters.adapters,
            processor: InboundProcessor(pool: pool, handler: ReportCommandHandler(store: store), configuration: configuration, logger: logger),
            client: client, logger: logger)
        let migrator = try Migrator(directory: SchemaDirectory.migrations())
        let dependencies = HubDependencies(
            configuration: configuration, pool: pool, store: store, listener: listener, queries: ReportQueries(pool: pool),
            waitUntilProjected: { point, timeout in await projector.waitUntilProjected(point, timeout: timeout) },
            metrics: registry,
            migrationsCurrent: { try await migrator.pending(pool).isEmpty },
            adapters: adapters)
        let app = buildApplication(dependencies, host: host, port: port, logger: logger)
        // Started in this order and stopped in reverse: the server stops taking requests first,
        // then the workers finish the deliveries in flight, the scheduler and the projector their
        // batches, then libcurl, the listener and the pool close.
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    .init(service: pool), .init(service: listener), .init(service: client), .init(service: projector),
                    .init(service: scheduler), .init(service: worker), .init(service: poller), .init(service: app),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }
}
