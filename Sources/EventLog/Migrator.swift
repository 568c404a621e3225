import Foundation
import Logging
import Postgres

/// Applies schemas/postgres in order, once each, and records what it applied.
///
/// Idempotent: what is recorded is skipped; a recorded file whose content changed is refused.
/// Concurrent migrators (several hub processes starting) are serialised by an advisory lock.
public struct Migrator: Sendable {
    public let directory: URL
    private let logger: Logger

    /// - Parameter directory: schemas/postgres; `SchemaDirectory.locate()` finds it.
    public init(directory: URL, logger: Logger = Logger(label: "hub.migrate")) {
        self.directory = directory
        self.logger = logger
    }

    /// Applies what is missing; returns the migrations applied now.
    @discardableResult
    public func migrate(_ pool: PGPool) async throws -> [Migration] {
        let migrations = try Migration.load(from: directory)
        let bootstrap = try String(contentsOf: directory.appendingPathComponent("bootstrap.sql"), encoding: .utf8)
        let logger = self.logger
        return try await pool.withConnection { connection in
            try connection.execute("SELECT pg_advisory_lock(hashtext('hub.migrate'))")
            defer { try? connection.execute("SELECT pg_advisory_unlock(hashtext('hub.migrate'))") }
            try connection.execute(bootstrap)
            let applied = try Self.applied(on: connection)
            var appliedNow: [Migration] = []
            for migration in migrations {
                if let checksum = applied[migration.version] {
                    guard checksum == migration.checksum else {
                        throw EventLogError(
                            code: .migration,
                            message: "migration \(migration.name) was changed after it was applied; add a new migration instead")
                    }
                    continue
                }
                try connection.transaction { connection in
                    try connection.execute(migration.sql)
                    let record: PGQuery = """
                        INSERT INTO hub.schema_migrations (version, name, checksum)
                        VALUES (\(migration.version), \(migration.name), \(migration.checksum))
                        """
                    try connection.query(record)
                }
                logger.info("applied migration", metadata: ["migration.name": "\(migration.name)"])
                appliedNow.append(migration)
            }
            return appliedNow
        }
    }

    /// The migrations of this build not yet applied to the database (empty when current).
    public func pending(_ pool: PGPool) async throws -> [Migration] {
        let migrations = try Migration.load(from: directory)
        let applied = try await pool.withConnection { connection -> [Int: String] in
            let exists = try connection.query("SELECT to_regclass('hub.schema_migrations') IS NOT NULL")
            guard try exists.decode(Bool.self, row: 0, column: 0) else { return [:] }
            return try Self.applied(on: connection)
        }
        return migrations.filter { applied[$0.version] == nil }
    }

    private static func applied(on connection: PGConnection) throws -> [Int: String] {
        let result = try connection.query("SELECT version, checksum FROM hub.schema_migrations")
        var applied: [Int: String] = [:]
        for row in result.rows { applied[try row.decode(Int.self, 0)] = try row.decode(String.self, 1) }
        return applied
    }
}
