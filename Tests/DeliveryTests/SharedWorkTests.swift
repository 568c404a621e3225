import Curl
import Delivery
import Foundation
import HubTestSupport
import Postgres
import ReportDomain
import Testing

@Suite("Several processes share the delivery work", .serialized)
struct SharedWorkTests {
    @Test("Two workers on one database: every delivery arrives, once unless an attempt timed out, in order per report")
    func twoWorkers() async throws {
        let harness = try await DeliveryHarness()
        let receiver = try await Receiver { _, _ in Receiver.Answer(delay: .milliseconds(2)) }
        let reports = 60
        // A generous schedule: on a loaded machine a request may time out and be retried (the
        // same webhook-id), which this test allows; it must not run out of retries and go dead.
        let target = DeliveryHarness.target(
            "melddesk", url: receiver.url, retry: Array(repeating: .milliseconds(200), count: 30), maxInFlight: 8)
        let running = harness.start([target], workers: 2)
        var ids: [ReportID] = []
        for _ in 0..<reports { ids.append(try await harness.submit()) }
        for id in ids { try await harness.act(id, .municipalityUser(id: "karin"), .acknowledge) }
        try await harness.waitUntil(
            "SELECT count(*) FROM hub.deliveries WHERE state = 'delivered'", is: reports * 2, timeout: .seconds(120))
        let requests = receiver.received
        try await Task.sleep(for: .milliseconds(200))
        try await running.stop()

        // Every delivery arrived; a repeat is only ever a retry of an attempt that timed out (then
        // recorded as a second attempt), never a second process sending the same row at once.
        #expect(Set(requests.map(\.webhookID)).count == reports * 2)
        let retried = try await harness.count("SELECT coalesce(sum(attempts - 1), 0) FROM hub.deliveries")
        #expect(requests.count <= reports * 2 + retried)
        for id in ids {
            // In order per report: the first arrival of the second event comes after the first event's.
            let sequence = requests.filter { $0.json["subject"] as? String == id.description }.map { $0.json["sequence"] as? String }
            #expect(sequence.first == "1")
            #expect(sequence.firstIndex(of: "2").map { index in !sequence[index...].contains("1") } == true)
        }
        await receiver.stop()
        await harness.close()
    }

    @Test("A process killed mid-delivery loses nothing: its lease runs out and another sends it, under the same webhook-id")
    func killedMidDelivery() async throws {
        let harness = try await DeliveryHarness()
        let receiver = try await Receiver()
        let target = DeliveryHarness.target("melddesk", url: receiver.url)
        // Only the scheduler first: the deliveries exist, nobody sends them.
        let scheduling = harness.start([target], workers: 0)
        try await harness.submit()
        try await harness.submit()
        try await harness.waitUntil("SELECT count(*) FROM hub.deliveries", is: 2)
        try await scheduling.stop()

        // A process claims both and dies before it knows the outcome.
        let claimed = try await harness.pool.query("SELECT id, webhook_id FROM hub.claim_deliveries('melddesk', 'killed-process', 10, 0.5)")
        #expect(claimed.rowCount == 2)
        let webhookIDs = Set(try claimed.rows.map { try $0.decode(String.self, 1) })
        // In flight: a live worker does not take them before the lease runs out.
        #expect(try await harness.pool.query("SELECT * FROM hub.claim_deliveries('melddesk', 'other', 10, 30)").rowCount == 0)

        let running = harness.start([target], workers: 1, leaseSweep: .milliseconds(200))
        let requests = try await receiver.waitFor(2)
        try await harness.waitUntil("SELECT count(*) FROM hub.deliveries WHERE state = 'delivered' AND attempts = 2", is: 2)
        #expect(Set(requests.map(\.webhookID)) == webhookIDs)

        // The dead process's late word changes nothing: the rows are no longer its own.
        let ids = PGArray(try claimed.rows.map { Optional(String(try $0.decode(Int64.self, 0))) })
        let late = try await harness.pool.query("""
            SELECT hub.record_delivery_outcomes('killed-process', \(ids)::bigint[], '{dead,dead}', '{500,500}', '{x,x}', '{NULL,NULL}', '{NULL,NULL}')
            """)
        #expect(try late.decode(Int.self, row: 0, column: 0) == 0)
        #expect(try await harness.count("SELECT count(*) FROM hub.deliveries WHERE state = 'delivered'") == 2)
        try await running.stop()
        await receiver.stop()
        await harness.close()
    }

    @Test("The scheduler resumes from its checkpoint: restarted, it neither loses nor doubles a delivery")
    func schedulerRestart() async throws {
        let harness = try await DeliveryHarness()
        let receiver = try await Receiver()
        let target = DeliveryHarness.target("melddesk", url: receiver.url)
        let first = harness.start([target], workers: 0)
        for _ in 0..<5 { try await harness.submit() }
        try await harness.waitUntil("SELECT count(*) FROM hub.deliveries", is: 5)
        try await first.stop()
        for _ in 0..<3 { try await harness.submit() }
        let second = harness.start([target], workers: 1)
        _ = try await receiver.waitFor(8)
        try await harness.waitUntil("SELECT count(*) FROM hub.deliveries WHERE state = 'delivered'", is: 8)
        try await second.stop()
        #expect(receiver.received.count == 8)
        #expect(try await harness.count("SELECT count(DISTINCT event_id) FROM hub.deliveries") == 8)
        await receiver.stop()
        await harness.close()
    }
}

extension SharedWorkTests {
    @Test("A delivery scheduled again (its first scheduling lost in a crash) has the same webhook-id, so the receiver recognises a repeat")
    func theSameDeliveryHasTheSameWebhookID() async throws {
        let database = try await TestDatabase.create()
        let owner = database.superuserPool(maxConnections: 1)
        let event = UUID(), report = UUID()
        let schedule: PGQuery = """
            SELECT hub.schedule_deliveries('{melddesk,lichtpunt}', ARRAY[\(event), \(event)]::uuid[], '{7,7}', \
            ARRAY[\(report), \(report)]::uuid[], '{1,1}', '{ReportSubmitted,ReportSubmitted}', '{application/json,application/json}', '{"{}","{}"}')
            """
        let read: PGQuery = "SELECT adapter || ' ' || webhook_id FROM hub.deliveries ORDER BY adapter"
        _ = try await owner.query(schedule)
        let first = try await owner.query(read).rows.map { try $0.decode(String.self, 0) }
        _ = try await owner.query("DELETE FROM hub.deliveries")
        _ = try await owner.query(schedule)
        let again = try await owner.query(read).rows.map { try $0.decode(String.self, 0) }
        #expect(first.count == 2)
        #expect(first == again)
        #expect(Set(first.map { $0.split(separator: " ")[1] }).count == 2, "each adapter's delivery has its own")
        #expect(first.allSatisfy { $0.split(separator: " ")[1].hasPrefix("msg_") })
        await owner.close()
    }
}

extension SharedWorkTests {
    @Test("A scheduler's batch whose checkpoint another process moved writes nothing and learns where it stands")
    func aSchedulerBatchBehindTheCheckpointWritesNothing() async throws {
        let database = try await TestDatabase.create()
        let pool = database.runtimePool(maxConnections: 1)
        let event = UUID(), report = UUID()
        func batch(from: (String, Int), to: (String, Int)) -> PGQuery {
            """
            SELECT r_scheduled, r_moved, r_transaction::text, r_position FROM hub.schedule_delivery_batch('delivery.scheduler', \
            \(from.0)::xid8, \(from.1), \(to.0)::xid8, \(to.1), '{melddesk}', ARRAY[\(event)]::uuid[], '{7}', ARRAY[\(report)]::uuid[], \
            '{1}', '{ReportSubmitted}', '{application/json}', '{"{}"}', '{NULL}')
            """
        }
        func row(_ query: PGQuery) async throws -> String {
            let result = try await pool.query(query)
            return "\(try result.decode(Int.self, row: 0, column: 0)) \(try result.decode(Bool.self, row: 0, column: 1)) "
                + "\(try result.decode(String.self, row: 0, column: 2)) \(try result.decode(Int64.self, row: 0, column: 3))"
        }
        // The first batch starts at the beginning and moves the checkpoint to (900, 7).
        #expect(try await row(batch(from: ("0", 0), to: ("900", 7))) == "1 false 900 7")
        // A second process's batch, also from the beginning: not the next one.
        #expect(try await row(batch(from: ("0", 0), to: ("900", 7))) == "0 true 900 7")
        #expect(try await pool.query("SELECT count(*) FROM hub.deliveries").decode(Int.self, row: 0, column: 0) == 1)
        // From where the checkpoint stands, an empty batch only moves it on.
        let empty: PGQuery = """
            SELECT r_scheduled FROM hub.schedule_delivery_batch('delivery.scheduler', '900'::xid8, 7, '901'::xid8, 8, \
            '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}')
            """
        #expect(try await pool.query(empty).decode(Int.self, row: 0, column: 0) == 0)
        let stored = try await pool.query("SELECT transaction_id::text || ' ' || log_position FROM hub.checkpoints WHERE subscriber = 'delivery.scheduler'")
        #expect(try stored.decode(String.self, row: 0, column: 0) == "901 8")
        await pool.close()
    }
}
