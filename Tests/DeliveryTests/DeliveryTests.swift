import Curl
import Delivery
import Foundation
import HTTPTypes
import HubTestSupport
import Postgres
import ReportDomain
import Testing
import Synchronization
import Webhooks

@Suite("Outbound delivery against real receivers", .serialized)
struct DeliveryTests {
    @Test("Each event arrives once as a signed CloudEvent, with the stream version as sequence, and is recorded delivered")
    func signedCloudEvents() async throws {
        let harness = try await DeliveryHarness()
        let receiver = try await Receiver()
        let running = harness.start([DeliveryHarness.target("melddesk", url: receiver.url)])
        let id = try await harness.submit()
        try await harness.act(id, .municipalityUser(id: "karin"), .acknowledge)
        let requests = try await receiver.waitFor(2)
        try await harness.waitUntil("SELECT count(*) FROM hub.deliveries WHERE state = 'delivered'", is: 2)
        try await running.stop()

        #expect(requests.map { $0.json["sequence"] as? String } == ["1", "2"])
        #expect(requests.map { $0.json["type"] as? String } == [
            "nl.meldingenhub.report.ReportSubmitted.v1", "nl.meldingenhub.report.ReportAcknowledged.v1",
        ])
        for request in requests {
            #expect(request.headers["content-type"] == "application/cloudevents+json")
            #expect(request.json["specversion"] as? String == "1.0")
            #expect(request.json["subject"] as? String == id.description)
            try WebhookSignature.verify(
                id: request.headers["webhook-id"], timestamp: request.headers["webhook-timestamp"],
                signature: request.headers["webhook-signature"], body: request.body, secrets: [DeliveryHarness.secret],
                tolerance: .seconds(300), now: Date())
        }
        #expect(Set(requests.map(\.webhookID)).count == 2)
        // The municipality's own system has the reporter's contact data.
        #expect(String(decoding: requests[0].body, as: UTF8.self).contains("johan@example.nl"))
        let recorded = try await DeliveryQueries(pool: harness.pool).list(adapter: "melddesk")
        #expect(recorded.map(\.state) == ["delivered", "delivered"])
        #expect(recorded.allSatisfy { $0.attempts == 1 && $0.lastStatus == 204 })
        #expect(Set(recorded.map(\.webhookID)) == Set(requests.map(\.webhookID)))
        await receiver.stop()
        await harness.close()
    }

    @Test("A failed attempt is retried with the same webhook-id; a delivery that fails through the schedule is dead until redelivered")
    func retriesAndDeadLetters() async throws {
        let harness = try await DeliveryHarness()
        let receiver = try await Receiver { _, count in
            Receiver.Answer(status: count == 0 ? .internalServerError : .noContent)
        }
        let running = harness.start([DeliveryHarness.target("melddesk", url: receiver.url, retry: [.milliseconds(100), .milliseconds(100)])])
        try await harness.submit()
        let requests = try await receiver.waitFor(2)
        try await harness.waitUntil("SELECT count(*) FROM hub.deliveries WHERE state = 'delivered' AND attempts = 2", is: 1)
        #expect(requests[0].webhookID == requests[1].webhookID)
        #expect(requests[1].receivedAt - requests[0].receivedAt >= .milliseconds(90))

        // Always failing: three attempts (the first and one per wait), then dead.
        receiver.answer { _, _ in Receiver.Answer(status: .serviceUnavailable, body: "onderhoud") }
        let second = try await harness.submit()
        try await harness.waitUntil("SELECT count(*) FROM hub.deliveries WHERE state = 'dead'", is: 1)
        // As the admin API does it: in the workers' process, which wakes them directly (they skip
        // the notifications of their own process's sessions).
        let queries = DeliveryQueries(pool: harness.pool, madeDue: running.wake)
        let dead = try #require(try await queries.list(state: "dead").first)
        #expect(dead.reportID == second.uuid)
        #expect(dead.attempts == 3)
        #expect(dead.lastStatus == 503)
        #expect(dead.lastError == "the receiver answered 503")
        #expect(receiver.received.filter { $0.webhookID == dead.webhookID }.count == 3)
        #expect(try await queries.health().first { $0.adapter == "melddesk" }?.dead == 1)

        // Fixed, and redelivered by an operator: sent again under the same id.
        receiver.answer { _, _ in Receiver.Answer() }
        #expect(try await queries.redeliverDead(adapter: "melddesk") == 1)
        try await harness.waitUntil("SELECT count(*) FROM hub.deliveries WHERE state = 'delivered'", is: 2)
        #expect(receiver.received.last?.webhookID == dead.webhookID)
        try await running.stop()
        await receiver.stop()
        await harness.close()
    }

    @Test("Workers skip the notifications of their own process's sessions and wake on another process's")
    func ownNotificationsAreSkipped() async throws {
        let harness = try await DeliveryHarness()
        let receiver = try await Receiver { _, _ in Receiver.Answer() }
        // Nothing is due, so an idle worker sleeps up to 30 s unless something wakes it.
        let running = harness.start([DeliveryHarness.target("melddesk", url: receiver.url)], wakeOnSchedule: false)
        try await Task.sleep(for: .milliseconds(300))
        // Scheduled through the workers' own pool: its notification is their own process's.
        try await harness.submit()
        try await harness.waitUntil("SELECT count(*) FROM hub.deliveries", is: 1)
        try await Task.sleep(for: .seconds(1))
        #expect(receiver.received.isEmpty)
        // The same notification from another process's session wakes them.
        let otherProcess = PGPool(config: harness.database.runtime, maxConnections: 1)
        try await otherProcess.query("SELECT pg_notify('hub_deliveries', '')")
        await otherProcess.close()
        #expect(try await receiver.waitFor(1, timeout: .seconds(10)).count == 1)
        try await running.stop()
        await receiver.stop()
        await harness.close()
    }

    @Test("Retry-After asks for a longer wait than the schedule, and is honoured")
    func retryAfter() async throws {
        let harness = try await DeliveryHarness()
        let receiver = try await Receiver { _, count in
            count == 0 ? Receiver.Answer(status: .tooManyRequests, headers: ["Retry-After": "2"]) : Receiver.Answer()
        }
        let running = harness.start([DeliveryHarness.target("melddesk", url: receiver.url, retry: [.milliseconds(50)])])
        try await harness.submit()
        let requests = try await receiver.waitFor(2)
        #expect(requests[1].receivedAt - requests[0].receivedAt >= .milliseconds(1900))
        try await running.stop()
        await receiver.stop()
        await harness.close()
    }

    @Test("Ordered per report: a later event waits for the earlier one; other reports are not held up")
    func orderedPerReport() async throws {
        let harness = try await DeliveryHarness()
        let blocked = ReportID.generate()
        // The first delivery of the blocked report fails three times before it goes through.
        let receiver = try await Receiver { request, _ in
            Receiver.Answer(status: .noContent)
        }
        let failures = FailureBudget(3)
        receiver.answer { request, _ in
            if request.json["subject"] as? String == blocked.description, request.json["sequence"] as? String == "1", failures.take() {
                return Receiver.Answer(status: .badGateway)
            }
            return Receiver.Answer()
        }
        let running = harness.start([
            DeliveryHarness.target("melddesk", url: receiver.url, retry: [.milliseconds(300), .milliseconds(300), .milliseconds(300), .milliseconds(300)])
        ])
        try await harness.submit(blocked)
        try await harness.act(blocked, .municipalityUser(id: "karin"), .acknowledge)
        try await harness.act(blocked, .system(name: "routing"), .forward(DeliveryHarness.contractor))
        let other = try await harness.submit()
        try await harness.act(other, .municipalityUser(id: "karin"), .acknowledge)
        try await harness.waitUntil("SELECT count(*) FROM hub.deliveries WHERE state = 'delivered'", is: 5, timeout: .seconds(30))
        try await running.stop()

        let received = receiver.received
        let blockedSequence = received.filter { $0.json["subject"] as? String == blocked.description }.map { $0.json["sequence"] as! String }
        #expect(blockedSequence == ["1", "1", "1", "1", "2", "3"])
        // The other report went through while the blocked one was waiting for its retries.
        let firstOther = try #require(received.firstIndex { $0.json["subject"] as? String == other.description })
        let blockedDone = try #require(received.lastIndex { $0.json["subject"] as? String == blocked.description && $0.json["sequence"] as? String == "1" })
        #expect(firstOther < blockedDone)
        await receiver.stop()
        await harness.close()
    }

    @Test("410 Gone disables the endpoint: nothing more is sent until an operator enables it, and nothing is lost")
    func goneDisables() async throws {
        let harness = try await DeliveryHarness()
        let receiver = try await Receiver { _, _ in Receiver.Answer(status: .gone) }
        let running = harness.start([DeliveryHarness.target("melddesk", url: receiver.url)])
        try await harness.submit()
        _ = try await receiver.waitFor(1)
        try await harness.submit()
        try await harness.waitUntil("SELECT count(*) FROM hub.deliveries", is: 2)
        try await Task.sleep(for: .milliseconds(500))
        #expect(receiver.received.count == 1)
        let queries = DeliveryQueries(pool: harness.pool)
        let health = try #require(try await queries.health().first)
        #expect(health.condition == "disabled")
        #expect(health.pending == 2)

        receiver.answer { _, _ in Receiver.Answer() }
        // As `hub deliveries enable` does it: from another process, whose notification wakes the
        // workers.
        let operatorPool = PGPool(config: harness.database.runtime, maxConnections: 1)
        #expect(try await DeliveryQueries(pool: operatorPool).enable(adapter: "melddesk"))
        await operatorPool.close()
        try await harness.waitUntil("SELECT count(*) FROM hub.deliveries WHERE state = 'delivered'", is: 2)
        try await running.stop()
        await receiver.stop()
        await harness.close()
    }

    @Test("An endpoint that keeps failing is paused; another adapter's deliveries go on meanwhile")
    func circuitBreaker() async throws {
        let harness = try await DeliveryHarness()
        let down = try await Receiver { _, _ in Receiver.Answer(status: .internalServerError) }
        let up = try await Receiver()
        let running = harness.start([
            DeliveryHarness.target("contractor", url: down.url, retry: Array(repeating: .milliseconds(20), count: 20), failureThreshold: 3, pause: .seconds(30)),
            DeliveryHarness.target("melddesk", url: up.url),
        ])
        for _ in 0..<5 { try await harness.submit() }
        _ = try await up.waitFor(5)
        _ = try await down.waitFor(3)
        try await harness.waitUntil(
            "SELECT count(*) FROM hub.delivery_endpoints WHERE adapter = 'contractor' AND paused_until > now()", is: 1)
        // Paused once three failed in a row (a batch in flight may add a few): nothing more is sent
        // within the pause, though the schedule would retry every 20 ms.
        let whenPaused = down.received.count
        #expect(whenPaused <= 5 + 3)
        try await Task.sleep(for: .milliseconds(500))
        #expect(down.received.count == whenPaused)
        let health = try await DeliveryQueries(pool: harness.pool).health()
        #expect(health.first { $0.adapter == "contractor" }?.condition == "paused")
        #expect(health.first { $0.adapter == "contractor" }?.pending == 5)
        #expect(health.first { $0.adapter == "melddesk" }?.condition == "ok")
        try await running.stop()
        await down.stop()
        await up.stop()
        await harness.close()
    }

    @Test("A party without a processing agreement never receives the reporter's personal data, and only what its filter takes")
    func redactionAndFilter() async throws {
        let harness = try await DeliveryHarness()
        let receiver = try await Receiver()
        let contractor = DeliveryHarness.target("afval-twente", url: receiver.url, recipient: DeliveryHarness.contractor) { event in
            event.report.involvedParties.contains(DeliveryHarness.contractor.id)
        }
        let running = harness.start([contractor])
        let id = try await harness.submit()
        try await harness.act(id, .municipalityUser(id: "karin"), .acknowledge)
        try await harness.act(id, .system(name: "routing"), .forward(DeliveryHarness.contractor))
        try await harness.act(id, .reporter, .addComment("Ik woon op nummer 12", visibility: .public))
        try await harness.act(id, .party(DeliveryHarness.contractor.id), .scheduleWork(on: Date().addingTimeInterval(86_400)))
        // Forwarded and scheduled reach it; the submission and acknowledgement came before it was
        // involved; the reporter's comment is the reporter's own words.
        let requests = try await receiver.waitFor(2)
        try await Task.sleep(for: .milliseconds(300))
        try await running.stop()
        #expect(receiver.received.count == 2)
        #expect(requests.map { $0.json["type"] as? String } == [
            "nl.meldingenhub.report.ReportForwarded.v1", "nl.meldingenhub.report.WorkScheduled.v1",
        ])
        for request in receiver.received {
            let text = String(decoding: request.body, as: UTF8.self)
            #expect(!text.contains("johan"))
            #expect(!text.contains("nummer 12"))
        }
        await receiver.stop()
        await harness.close()
    }
}

/// A number of failures to hand out, shared by a receiver's requests.
final class FailureBudget: Sendable {
    private let left: Mutex<Int>
    init(_ count: Int) { left = Mutex(count) }
    func take() -> Bool {
        left.withLock { left in
            guard left > 0 else { return false }
            left -= 1
            return true
        }
    }
}
