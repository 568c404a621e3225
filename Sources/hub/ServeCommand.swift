import ArgumentParser
import EventLog
import Logging
import Postgres
import ServiceLifecycle
import UnixSignals

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the hub's long-running services until SIGTERM or SIGINT, then drain them.",
        discussion: "This version runs the connection pool, the log's notification listener and the live log tail.")

    @Option(help: "Connections in the pool.")
    var connections = 8

    func run() async throws {
        Hub.bootstrapLogging(defaultLevel: .info)
        let logger = Logger(label: "hub.serve")
        let database = try await HubDatabase.open(logger: logger)
        logger.info("serving", metadata: ["database": "\(database.summary)"])
        let pool = PGPool(config: database.runtime, maxConnections: connections, logger: logger)
        let listener = PGListener(config: database.runtime, channels: [EventStore.channel], logger: logger)
        let store = EventStore(pool: pool, logger: logger)
        let tail = LogTail(follower: LogFollower(store: store, listener: listener), logger: logger)
        // Started in this order and stopped in reverse: the tail stops before what it uses.
        let group = ServiceGroup(
            services: [pool, listener, tail], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        do {
            try await group.run()
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }
}
