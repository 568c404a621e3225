import EmbeddedPostgres
import EventLog
import Foundation
import Logging
import Postgres

/// A fresh, migrated database on the test process's real PostgreSQL.
///
/// The server is `HUB_TEST_DATABASE_URL` (a superuser URL) when set, else an embedded cluster
/// this process starts in a temporary folder and stops when it exits. There is no fallback:
/// when no PostgreSQL can be had, every test that asks for one fails with the reason.
public struct TestDatabase: Sendable {
    /// The database's owner, a superuser: for set-up and for what the hub itself may not do.
    public let superuser: PGConnectionConfig
    /// The hub's runtime role (member of hub_writer): what the hub's own connections use.
    public let runtime: PGConnectionConfig
    public let name: String

    /// Creates a database, applies the migrations, and returns how to reach it.
    public static func create(migrated: Bool = true) async throws -> TestDatabase {
        let server = try await TestCluster.shared.superuser()
        let name = "hub_test_" + UUID().uuidString.prefix(8).lowercased()
        let admin = PGPool(config: server, maxConnections: 1)
        defer { Task { await admin.close() } }
        try await admin.withConnection { connection in
            try connection.execute("CREATE DATABASE \(name)")
            // The runtime login role is cluster-wide; hub_writer is created by the migrations.
            try connection.execute("""
                DO $$ BEGIN
                    CREATE ROLE hub_test_runtime LOGIN;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                END $$
                """)
        }
        let database = TestDatabase(
            superuser: server.database(name), runtime: server.database(name).user("hub_test_runtime"), name: name)
        if migrated {
            let pool = database.superuserPool()
            try await Migrator(directory: try SchemaDirectory.migrations()).migrate(pool)
            try await pool.withConnection { connection in
                // Databases are created in parallel, and role membership is cluster-wide.
                try connection.execute("""
                    DO $$ BEGIN
                        GRANT hub_writer TO hub_test_runtime;
                    EXCEPTION WHEN unique_violation THEN NULL;
                    END $$
                    """)
            }
            await pool.close()
        }
        return database
    }

    public func superuserPool(maxConnections: Int = 4) -> PGPool {
        PGPool(config: superuser, maxConnections: maxConnections)
    }

    public func runtimePool(maxConnections: Int = 4) -> PGPool {
        PGPool(config: runtime, maxConnections: maxConnections)
    }
}
