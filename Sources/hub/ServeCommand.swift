import Adapters
import ArgumentParser
import Foundation
import HubConfig
import HubServer
import Logging
import Metrics
import Prometheus
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
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let database = try await HubDatabase.open(logger: logger)
        let host = host ?? environment["HUB_HTTP_HOST"] ?? "127.0.0.1"
        let port = try port ?? environment["HUB_HTTP_PORT"].map { text in
            guard let port = Int(text), (0...65535).contains(port) else { throw ValidationError("HUB_HTTP_PORT must be a port number") }
            return port
        } ?? 8080
        logger.info("serving", metadata: ["database": "\(database.summary)", "http": "\(host):\(port)"])
        let hub = try HubAssembly(
            configuration: configuration, adapters: adapters, database: database.runtime, host: host, port: port,
            connections: connections, metrics: registry, logger: logger)
        logger.info("adapters loaded", metadata: [
            "adapters": "\(adapters.adapters.map(\.name.rawValue).joined(separator: ", "))", "adapters.outbound": "\(hub.targets.count)",
        ])
        let group = ServiceGroup(
            configuration: .init(
                services: hub.services.map { .init(service: $0) },
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
