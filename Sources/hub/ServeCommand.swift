import ArgumentParser
import EventLog
import Foundation
import HubConfig
import HubServer
import Logging
import Metrics
import Postgres
import Projections
import Prometheus
import ServiceLifecycle
import UnixSignals

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the hub: the HTTP API, Open311 and the status page, with the projector, until SIGTERM or SIGINT.",
        discussion: """
            Environment: HUB_CONFIG (the configuration file, default deploy/hub.yaml), HUB_HTTP_HOST,
            HUB_HTTP_PORT, and the database variables of `hub --help`. SIGTERM stops accepting
            requests, finishes those in flight and the projector's batch, then closes the pool.
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
        let listener = PGListener(config: database.runtime, channels: [EventStore.channel], logger: logger)
        let store = EventStore(pool: pool, logger: logger)
        let projector = ReportProjector(store: store, listener: listener, pool: pool, policy: { configuration.policy(for: $0) }, logger: logger)
        let migrator = try Migrator(directory: SchemaDirectory.migrations())
        let dependencies = HubDependencies(
            configuration: configuration, pool: pool, store: store, listener: listener, queries: ReportQueries(pool: pool),
            waitUntilProjected: { point, timeout in await projector.waitUntilProjected(point, timeout: timeout) },
            metrics: registry,
            migrationsCurrent: { try await migrator.pending(pool).isEmpty })
        let app = buildApplication(dependencies, host: host, port: port, logger: logger)
        // Started in this order and stopped in reverse: the server stops taking requests first,
        // then the projector finishes its batch, then the listener and the pool close.
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    .init(service: pool), .init(service: listener), .init(service: projector),
                    .init(service: app),
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
