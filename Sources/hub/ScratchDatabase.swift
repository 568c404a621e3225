import Logging
import Postgres

/// A throw-away database on the hub's server for a benchmark: created empty, dropped afterwards
/// whatever happens, so measurements never touch real data.
enum ScratchDatabase {
    static func with<T>(
        _ database: HubDatabase, name: String, logger: Logger, _ body: (PGConnectionConfig) async throws -> T
    ) async throws -> T {
        let admin = PGPool(config: database.owner, maxConnections: 1, logger: logger)
        // Separate statements: DROP/CREATE DATABASE refuse to run inside one implicit transaction.
        try await admin.withConnection { connection in
            try connection.execute("DROP DATABASE IF EXISTS \(name)")
            try connection.execute("CREATE DATABASE \(name)")
        }
        let result: T
        do {
            result = try await body(database.owner.database(name))
        } catch {
            _ = try? await admin.withConnection { try $0.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
            await admin.close()
            throw error
        }
        try await admin.withConnection { try $0.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        await admin.close()
        return result
    }
}
