import Foundation
import HubTestSupport
import Postgres
import Testing

@Suite struct PGConnectionTests {
    @Test func bindParametersRoundTripEveryType() async throws {
        let database = try await TestDatabase.create(migrated: false)
        let pool = database.superuserPool(maxConnections: 1)
        let id = UUID()
        let when = Date(timeIntervalSince1970: 1_795_000_000.123456)
        let bytes: [UInt8] = [0, 1, 0x7f, 0x80, 0xff]
        let query: PGQuery = """
            SELECT \("Zoë's \"lamp\"")::text, \(Int64.max)::bigint, \(true)::bool, \(id)::uuid,
                   \(when)::timestamptz, \(PGBytes(bytes))::bytea, \(String?.none)::text,
                   \(PGJSON(utf8: Array(#"{"b": [1, 2], "a": "x"}"#.utf8)))::jsonb, \(2.5)::float8
            """
        let result = try await pool.query(query)
        #expect(try result.decode(String.self, row: 0, column: 0) == "Zoë's \"lamp\"")
        #expect(try result.decode(Int64.self, row: 0, column: 1) == Int64.max)
        #expect(try result.decode(Bool.self, row: 0, column: 2))
        #expect(try result.decode(UUID.self, row: 0, column: 3) == id)
        let readBack = try result.decode(Date.self, row: 0, column: 4)
        #expect(abs(readBack.timeIntervalSince(when)) < 0.000_01)
        #expect(try result.decode(PGBytes.self, row: 0, column: 5).bytes == bytes)
        #expect(try result.decode(String?.self, row: 0, column: 6) == nil)
        #expect(String(decoding: try result.decode(PGJSON.self, row: 0, column: 7).utf8, as: UTF8.self) == #"{"a": "x", "b": [1, 2]}"#)
        #expect(try result.decode(Double.self, row: 0, column: 8) == 2.5)
        await pool.close()
    }

    @Test func interpolatedValuesCannotChangeTheStatement() async throws {
        let database = try await TestDatabase.create(migrated: false)
        let pool = database.superuserPool(maxConnections: 1)
        try await pool.query("CREATE TABLE notes (body text)")
        let hostile = "x'); DROP TABLE notes; --"
        try await pool.query("INSERT INTO notes (body) VALUES (\(hostile))")
        let result = try await pool.query("SELECT body FROM notes")
        #expect(try result.decode(String.self, row: 0, column: 0) == hostile)
        await pool.close()
    }

    @Test func errorsKeepTheSQLStateButNeverPrintTheStatement() async throws {
        let database = try await TestDatabase.create(migrated: false)
        let pool = database.superuserPool(maxConnections: 1)
        let secret = "s3cr3t-token"
        do {
            try await pool.query(PGQuery(sql: "SELEC '\(secret)'"))
            Issue.record("a syntax error was accepted")
        } catch let error as PGError {
            #expect(error.sqlState == "42601")
            #expect(!error.description.contains(secret))
            #expect(!error.description.contains("SELEC"))
        }
        try await pool.query("CREATE TABLE people (email text CONSTRAINT people_email_key UNIQUE)")
        try await pool.query("INSERT INTO people VALUES (\(secret))")
        do {
            try await pool.query("INSERT INTO people VALUES (\(secret))")
            Issue.record("a duplicate was accepted")
        } catch let error as PGError {
            #expect(error.isUniqueViolation)
            #expect(error.constraintName == "people_email_key")
            #expect(!error.description.contains(secret))
            #expect(error.debugDescription.contains(secret), "the operator's view keeps the detail")
        }
        await pool.close()
    }

    @Test func aPipelineIsOneTransactionThatFailsWhole() async throws {
        let database = try await TestDatabase.create(migrated: false)
        let pool = database.superuserPool(maxConnections: 1)
        try await pool.query("CREATE TABLE items (id int PRIMARY KEY)")
        let good: [PGQuery] = (1...50).map { "INSERT INTO items VALUES (\($0)) RETURNING id" }
        let results = try await pool.withConnection { try $0.pipeline(good.map { $0.prepared() }) }
        #expect(results.count == 50)
        #expect(try results[49].decode(Int.self, row: 0, column: 0) == 50)

        let bad: [PGQuery] = ["INSERT INTO items VALUES (\(100))", "INSERT INTO items VALUES (\(1))", "INSERT INTO items VALUES (\(101))"]
        await #expect(throws: PGError.self) { try await pool.withConnection { try $0.pipeline(bad) } }
        let count = try await pool.query("SELECT count(*) FROM items")
        #expect(try count.decode(Int.self, row: 0, column: 0) == 50, "nothing of the failed pipeline stays")
        // The connection is usable afterwards.
        let after = try await pool.query("SELECT 1")
        #expect(try after.decode(Int.self, row: 0, column: 0) == 1)
        await pool.close()
    }

    @Test func copyLoadsRowsInBulk() async throws {
        let database = try await TestDatabase.create(migrated: false)
        let pool = database.superuserPool(maxConnections: 1)
        try await pool.query("CREATE TABLE bulk (id int, label text)")
        var text = ""
        for index in 1...5_000 { text += "\(index)\tlabel \(index)\n" }
        let data = Array(text.utf8)
        let loaded = try await pool.withConnection { try $0.copyIn("COPY bulk (id, label) FROM STDIN", data: data) }
        #expect(loaded == 5_000)
        let sum = try await pool.query("SELECT sum(id)::bigint, max(label) FROM bulk")
        #expect(try sum.decode(Int64.self, row: 0, column: 0) == 12_502_500)
        await pool.close()
    }

    @Test func thePoolNeverOpensMoreThanItsBound() async throws {
        let database = try await TestDatabase.create(migrated: false)
        let pool = database.superuserPool(maxConnections: 2)
        let pids = try await withThrowingTaskGroup(of: Int32.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    try await pool.withConnection { connection in
                        try connection.query("SELECT pg_sleep(0.02)")
                        return connection.backendPID
                    }
                }
            }
            var seen: Set<Int32> = []
            for try await pid in group { seen.insert(pid) }
            return seen
        }
        #expect(pids.count <= 2)
        #expect(pids.count >= 1)
        await pool.close()
        await #expect(throws: PGError.self) { try await pool.query("SELECT 1") }
    }

    @Test func aTerminatedConnectionIsReplaced() async throws {
        let database = try await TestDatabase.create(migrated: false)
        let pool = database.superuserPool(maxConnections: 1)
        let firstPID = try await pool.withConnection { $0.backendPID }
        let killer = database.superuserPool(maxConnections: 1)
        try await killer.query("SELECT pg_terminate_backend(\(firstPID))")
        try await Task.sleep(for: .milliseconds(100))
        let secondPID = try await pool.withConnection { connection in
            try connection.query("SELECT 1")
            return connection.backendPID
        }
        #expect(secondPID != firstPID)
        // The replaced session is no longer the pool's own: its process id may be reused.
        #expect(pool.isOwnSession(backendPID: secondPID))
        #expect(!pool.isOwnSession(backendPID: firstPID))
        await pool.close()
        await killer.close()
    }

    @Test func aListenerReceivesNotifications() async throws {
        let database = try await TestDatabase.create(migrated: false)
        let listener = PGListener(config: database.superuser, channels: ["hub_test"])
        let events = listener.events()
        let running = Task { try await listener.run() }
        var iterator = events.makeAsyncIterator()
        #expect(await iterator.next() == .reconnected)
        let pool = database.superuserPool(maxConnections: 1)
        try await pool.query("SELECT pg_notify('hub_test', \("report-42"))")
        let received = await iterator.next()
        guard case .notification(let notification) = received else {
            Issue.record("expected a notification, got \(String(describing: received))")
            return
        }
        #expect(notification.channel == "hub_test")
        #expect(notification.payload == "report-42")
        listener.stop()
        try await running.value
        await pool.close()
    }

    @Test func aSubscriberOfOneChannelHearsOnlyThatChannel() async throws {
        let database = try await TestDatabase.create(migrated: false)
        let listener = PGListener(config: database.superuser, channels: ["hub_one", "hub_other"])
        let events = listener.events(channel: "hub_one")
        let running = Task { try await listener.run() }
        var iterator = events.makeAsyncIterator()
        #expect(await iterator.next() == .reconnected)
        let pool = database.superuserPool(maxConnections: 1)
        // Sent in this order, and delivered in it: had the other channel's come through, it would be next.
        try await pool.query("SELECT pg_notify('hub_other', 'not for this subscriber')")
        try await pool.query("SELECT pg_notify('hub_one', 'for it')")
        let received = await iterator.next()
        guard case .notification(let notification) = received else {
            Issue.record("expected a notification, got \(String(describing: received))")
            return
        }
        #expect(notification.channel == "hub_one")
        #expect(notification.payload == "for it")
        listener.stop()
        try await running.value
        await pool.close()
    }
}

@Suite struct PGPoolWaitingTests {
    @Test func aCancelledWaiterLeavesTheQueueAndTheOthersGoOn() async throws {
        let database = try await TestDatabase.create(migrated: false)
        let pool = database.superuserPool(maxConnections: 1)
        let holder = Task { try await pool.withConnection { try $0.query("SELECT pg_sleep(0.5)") } }
        try await Task.sleep(for: .milliseconds(100))
        let abandoned = Task { try await pool.withConnection { _ in "served" } }
        let patient = Task { try await pool.withConnection { _ in "served" } }
        try await Task.sleep(for: .milliseconds(100))
        abandoned.cancel()
        await #expect(throws: CancellationError.self) { try await abandoned.value }
        _ = try await holder.value
        #expect(try await patient.value == "served")
        // The slot the cancelled waiter would have had is not lost.
        #expect(try await pool.withConnection { _ in "again" } == "again")
        await pool.close()
    }
}
