import EventLog
import Foundation
import HubTestSupport
import Postgres
import Testing

@Suite struct AppendOnlyTests {
    static let changes = [
        "UPDATE hub.events SET event_type = 'Forged'",
        "DELETE FROM hub.events",
        "TRUNCATE hub.events",
    ]

    @Test func theRuntimeRoleMayOnlyReadAndAppend() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.runtimePool())
        try await store.append([EventSamples.event()], to: EventSamples.stream(), municipality: "0153", expected: .noStream)
        for change in Self.changes {
            do {
                try await store.pool.query(PGQuery(sql: change))
                Issue.record("the runtime role could run: \(change)")
            } catch let error as PGError {
                #expect(error.isInsufficientPrivilege, "\(change): \(error)")
            }
        }
        await store.pool.close()
    }

    @Test func evenTheOwnerIsRefusedByTheTrigger() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.superuserPool())
        try await store.append([EventSamples.event()], to: EventSamples.stream(), municipality: "0153", expected: .noStream)
        for change in Self.changes {
            do {
                try await store.pool.query(PGQuery(sql: change))
                Issue.record("the owner could run: \(change)")
            } catch let error as PGError {
                #expect(error.sqlState == "HUB02", "\(change): \(error)")
            }
        }
        let count = try await store.pool.query("SELECT count(*) FROM hub.events")
        #expect(try count.decode(Int.self, row: 0, column: 0) == 1)
        await store.pool.close()
    }

    /// The log's own checks (0002) hold for any INSERT, not only for the append functions'.
    @Test func aDirectInsertOfAMalformedEventIsRefused() async throws {
        let database = try await TestDatabase.create()
        let pool = database.runtimePool()
        let malformed: [(stream: String, version: Int64, type: String, schemaVersion: Int32, municipality: String)] = [
            ("", 1, "X", 1, "0153"), ("s", 0, "X", 1, "0153"), ("s", 1, "", 1, "0153"),
            ("s", 1, "X", 0, "0153"), ("s", 1, "X", 1, ""),
        ]
        for row in malformed {
            let insert: PGQuery = """
                INSERT INTO hub.events (event_id, stream_id, stream_version, event_type, schema_version, municipality, data, hash)
                VALUES (\(UUID()), \(row.stream), \(row.version), \(row.type), \(row.schemaVersion), \(row.municipality), '{}', '')
                """
            do {
                try await pool.query(insert)
                Issue.record("a malformed event was stored: \(row)")
            } catch let error as PGError {
                #expect(error.sqlState == "23514", "\(row): \(error)")
            }
        }
        let count = try await pool.query("SELECT count(*) FROM hub.events")
        #expect(try count.decode(Int.self, row: 0, column: 0) == 0)
        await pool.close()
    }
}
