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
}
