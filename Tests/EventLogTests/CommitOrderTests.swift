import EventLog
import Foundation
import HubTestSupport
import Postgres
import Testing

/// The gap problem: an event whose transaction commits after later-positioned events became
/// visible must still be read, by every reader, exactly once.
@Suite struct CommitOrderTests {
    /// Runs blocking statements of a transaction held open across the test's steps.
    final class OpenTransaction: @unchecked Sendable {
        // @unchecked Sendable: used by one test at a time, step after step, never concurrently.
        let connection: PGConnection
        init(_ config: PGConnectionConfig) throws {
            connection = try PGConnection(config: config)
            try connection.execute("BEGIN")
        }
        func append(_ stream: String) throws -> Int64 {
            let event = EventSamples.event()
            let query: PGQuery = """
                SELECT r_position FROM hub.append_event(\(stream), NULL, '0153', \(event.id), 'Held', 1, '{}'::jsonb, '{"actor": "test"}'::jsonb)
                """
            return try connection.query(query).decode(Int64.self, row: 0, column: 0)
        }
        func commit() throws { try connection.execute("COMMIT") }
    }

    @Test func aReaderWaitsForAnOpenTransactionInsteadOfSkippingIt() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.runtimePool())
        let first = try await store.append([EventSamples.event()], to: EventSamples.stream(), municipality: "0153", expected: .any)

        let slow = try OpenTransaction(database.runtime)
        let heldPosition = try slow.append(EventSamples.stream())
        var later: [Int64] = []
        for _ in 0..<3 {
            let result = try await store.append([EventSamples.event()], to: EventSamples.stream(), municipality: "0153", expected: .any)
            later.append(result.events[0].point.position)
        }
        #expect(later.allSatisfy { $0 > heldPosition }, "the later events have higher positions")

        // Read until the event committed before the slow transaction shows (other tests' open
        // transactions may delay it); nothing after the slow transaction may come with it.
        var whileOpen: [RecordedEvent] = []
        for _ in 0..<1_000 where whileOpen.isEmpty {
            whileOpen = try await store.readAll(after: .start)
            if whileOpen.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        }
        #expect(whileOpen.map(\.position) == [first.events[0].point.position], "nothing past the open transaction")
        let lastRead = try #require(whileOpen.last)
        #expect(try await store.readPage(after: lastRead.point).heldBack)

        try slow.commit()
        // Other short transactions (the append announcements) may hold the reader back for a
        // moment more; a reader waits for them as a follower does.
        let afterCommit = try await store.readSettled(after: lastRead.point)
        #expect(Set(afterCommit.map(\.position)) == Set([heldPosition] + later))
        #expect(afterCommit.first?.position == heldPosition)
        await store.pool.close()
    }

    @Test func aTransactionWithAnOlderIDButAHigherPositionIsNotSkippedEither() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.runtimePool())
        // Q takes its transaction id first (saying first that it will write events, as it must),
        // P writes first, Q writes later and commits first.
        let q = try OpenTransaction(database.runtime)
        try q.connection.query("SELECT hub.enter_event_writing(), pg_current_xact_id()")
        let p = try OpenTransaction(database.runtime)
        let pPosition = try p.append(EventSamples.stream())
        let qPosition = try q.append(EventSamples.stream())
        #expect(pPosition < qPosition)
        try q.commit()
        // P is open and will add events: the reader is held back until it ends.
        let first = try await readAtLeast(1, store, after: .start)
        #expect(first.map(\.position) == [qPosition])
        try p.commit()
        let second = try await store.readSettled(after: try #require(first.last).point)
        #expect(second.map(\.position) == [pPosition], "a position-ordered reader would have passed this one for good")
        await store.pool.close()
    }

    @Test func anOpenTransactionThatWritesNoEventsDoesNotHoldReadersBack() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.runtimePool())
        // A projector's batch, a delivery being recorded: open, with a transaction id, older
        // than the events appended after it.
        let other = try OpenTransaction(database.runtime)
        try other.connection.query("SELECT pg_current_xact_id()")
        let appended = try await store.append([EventSamples.event()], to: EventSamples.stream(), municipality: "0153", expected: .any)
        // Read until settled: a transaction of a test beside this one, in another database, may
        // end between a read's snapshot and its look at the locks, and hold that one read back.
        // `other` stays open throughout, so a reader that waited for it would never settle.
        let settled = try await store.readSettled(after: .start)
        #expect(settled.map(\.position) == [appended.events[0].point.position])
        try other.commit()
        await store.pool.close()
    }

    @Test func aTransactionThatWroteSomethingElseFirstMayNotAppend() async throws {
        let database = try await TestDatabase.create()
        let late = try OpenTransaction(database.runtime)
        try late.connection.query("SELECT pg_current_xact_id()")
        #expect {
            _ = try late.append(EventSamples.stream())
        } throws: { error in
            (error as? PGError)?.sqlState == "55000"
        }
        try late.connection.execute("ROLLBACK")
    }

    @Test func aTransactionWhoseFirstWriteWasAnEventMayAppendAgain() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.runtimePool())
        // After its first event the transaction has an id, so the statement trigger of each
        // later append runs and must find that event (0044_event_writers_by_table_lock.sql).
        let writer = try OpenTransaction(database.runtime)
        let positions = try (0..<3).map { _ in try writer.append(EventSamples.stream()) }
        try writer.commit()
        let settled = try await store.readSettled(after: .start)
        #expect(settled.map(\.position) == positions)
        await store.pool.close()
    }

    @Test func aFollowerSeesEveryEventOfConcurrentSlowWritersExactlyOnce() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.runtimePool(maxConnections: 6))
        let listener = PGListener(config: database.runtime, channels: [EventStore.channel])
        let listening = Task { try await listener.run() }
        let follower = LogFollower(store: store, listener: listener)
        let writers = 4
        let perWriter = 25
        let expected = writers * perWriter
        let collected = Task { () -> [RecordedEvent] in
            var seen: [RecordedEvent] = []
            for try await event in follower.events(after: .start) {
                seen.append(event)
                if seen.count == expected { break }
            }
            return seen
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    for index in 0..<perWriter {
                        let stream = "report-writer\(writer)-\(index)"
                        let event = EventSamples.event()
                        // Some transactions stay open a while after taking their position.
                        let pause = Double((writer * 7 + index * 3) % 5) / 200
                        try await store.pool.withConnection { connection in
                            try connection.transaction { connection in
                                let query: PGQuery = """
                                    SELECT * FROM hub.append_event(\(stream), 0, '0153', \(event.id), 'Raced', 1, '{}'::jsonb, '{"actor": "test"}'::jsonb)
                                    """
                                try connection.query(query)
                                try connection.query("SELECT pg_sleep(\(pause))")
                            }
                        }
                        // Other processes announce their appends the same way.
                        try await store.pool.query("SELECT pg_notify('hub_events', '')")
                    }
                }
            }
            try await group.waitForAll()
        }
        let seen = try await withTimeout(.seconds(30)) { try await collected.value }
        #expect(seen.count == expected)
        #expect(Set(seen.map(\.id)).count == expected, "no event twice")
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.point < $1.point }, "in reading order")
        listener.stop()
        try await listening.value
        await store.pool.close()
    }
}

/// Reads after `point` until at least `count` events came, while a writer may still hold the
/// reader back (so the reads never settle).
func readAtLeast(_ count: Int, _ store: EventStore, after point: LogPoint) async throws -> [RecordedEvent] {
    var events: [RecordedEvent] = []
    var current = point
    for _ in 0..<1_000 {
        let batch = try await store.readPage(after: current).events
        events += batch
        current = batch.last?.point ?? current
        if events.count >= count { return events }
        try await Task.sleep(for: .milliseconds(10))
    }
    Issue.record("fewer than \(count) events came in 1,000 reads")
    return events
}

/// Fails a test that would otherwise hang.
func withTimeout<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw CancellationError()
        }
        let value = try await group.next()!
        group.cancelAll()
        return value
    }
}
