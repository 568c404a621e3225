import EventLog
import Foundation
import HubTestSupport
import Postgres
import Testing

@Suite struct MigratorTests {
    @Test func migratingTwiceAppliesNothingTheSecondTime() async throws {
        let database = try await TestDatabase.create(migrated: false)
        let pool = database.superuserPool()
        let migrator = Migrator(directory: try SchemaDirectory.migrations())
        #expect(try await migrator.pending(pool).count == (try Migration.load(from: migrator.directory).count))
        let applied = try await migrator.migrate(pool)
        #expect(applied.count >= 10)
        #expect(try await migrator.migrate(pool).isEmpty)
        #expect(try await migrator.pending(pool).isEmpty)
        let recorded = try await pool.query("SELECT count(*) FROM hub.schema_migrations")
        #expect(try recorded.decode(Int.self, row: 0, column: 0) == applied.count)
        await pool.close()
    }

    @Test func anEditedAppliedMigrationIsRefused() async throws {
        let database = try await TestDatabase.create()
        let pool = database.superuserPool()
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("hub-migrations-\(UUID().uuidString.prefix(8))")
        try FileManager.default.copyItem(at: try SchemaDirectory.migrations(), to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let edited = copy.appendingPathComponent("0002_events.sql")
        try (try String(contentsOf: edited, encoding: .utf8) + "\n-- edited\n").write(to: edited, atomically: true, encoding: .utf8)
        do {
            try await Migrator(directory: copy).migrate(pool)
            Issue.record("an edited migration was accepted")
        } catch let error as EventLogError {
            #expect(error.code == .migration)
            #expect(error.message.contains("0002_events"))
        }
        await pool.close()
    }
}
