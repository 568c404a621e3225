import EmbeddedPostgres
import EventLog
import Foundation
import Logging
import Postgres

/// The database the hub works on: `HUB_DATABASE_URL`, or the embedded cluster under ./.hub.
///
/// Two connection settings: the runtime role (may only read and append the log) for the hub's
/// work, and the owner for migrations (`HUB_MIGRATION_DATABASE_URL`, defaulting to the runtime
/// URL for a single-role set-up). Embedded, the owner is the cluster's superuser and the runtime
/// role is the login role `hub`, a member of hub_writer.
struct HubDatabase: Sendable {
    let runtime: PGConnectionConfig
    let owner: PGConnectionConfig
    let isEmbedded: Bool
    private let lease: EmbeddedPostgresLease?

    /// Resolves the database, starting or joining the embedded cluster when no URL is given,
    /// and applies the migrations.
    static func open(logger: Logger, migrate: Bool = true) async throws -> HubDatabase {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["HUB_DATABASE_URL"], !url.isEmpty {
            let owner = environment["HUB_MIGRATION_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? url
            let database = HubDatabase(
                runtime: PGConnectionConfig(url: url), owner: PGConnectionConfig(url: owner), isEmbedded: false, lease: nil)
            if migrate { try await database.migrate(logger: logger) }
            return database
        }
        let lease = try await EmbeddedPostgres(directory: EmbeddedPostgres.defaultDirectory, logger: logger).start()
        logger.info("using the embedded PostgreSQL", metadata: ["postgres.port": "\(lease.port)"])
        let owner = PGConnectionConfig(url: lease.superuserURL)
        let database = HubDatabase(runtime: owner.user("hub"), owner: owner, isEmbedded: true, lease: lease)
        do {
            // The runtime login role needs hub_writer, which the migrations create.
            try await database.migrate(logger: logger)
            let sql = try String(
                contentsOf: try SchemaDirectory.migrations().appendingPathComponent("embedded_runtime_login.sql"), encoding: .utf8)
            let pool = PGPool(config: owner, maxConnections: 1, logger: logger)
            try await pool.withConnection { try $0.execute(sql) }
            await pool.close()
        } catch {
            try? await lease.release()
            throw error
        }
        return database
    }

    func migrate(logger: Logger) async throws {
        let pool = PGPool(config: owner, maxConnections: 1, logger: logger)
        do {
            let applied = try await Migrator(directory: try SchemaDirectory.migrations(), logger: logger).migrate(pool)
            if !applied.isEmpty {
                logger.info("database migrated", metadata: ["migrations.applied": "\(applied.map(\.name))"])
            }
        } catch {
            await pool.close()
            throw error
        }
        await pool.close()
    }

    /// Opens the database, lends a runtime pool to `body`, and closes both whatever happens.
    static func withRuntimePool<T: Sendable>(
        logger: Logger, connections: Int = 4, _ body: (HubDatabase, PGPool) async throws -> T
    ) async throws -> T {
        let database = try await open(logger: logger)
        let pool = PGPool(config: database.runtime, maxConnections: connections, logger: logger)
        let result: Result<T, any Error>
        do {
            result = .success(try await body(database, pool))
        } catch {
            result = .failure(error)
        }
        await pool.close()
        await database.close()
        return try result.get()
    }

    /// Gives the embedded cluster back (the last hub of the folder stops it).
    func close() async {
        try? await lease?.release()
    }

    /// A human description that never shows a password.
    var summary: String {
        if let lease { return "embedded PostgreSQL on port \(lease.port) (data in \(lease.dataDirectory.path))" }
        return "PostgreSQL at HUB_DATABASE_URL"
    }
}
