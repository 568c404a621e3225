import Curl
import Delivery
import EventLog
import Foundation
import HTTPTypes
import HubConfig
import HubServer
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Postgres
import Projections
import Prometheus
import ReportDomain
import Reports
import ServiceLifecycle
import Synchronization
import Webhooks

/// The measurements of `hub bench deliveries`.
struct DeliveryBenchmark: Sendable {
    let config: PGConnectionConfig
    let deliveries: Int
    let inFlight: Int
    let rate: Int
    let seconds: Int
    let logger: Logger

    func run() async throws {
        let setup = PGPool(config: config, maxConnections: 1, logger: logger)
        try await Migrator(directory: SchemaDirectory.migrations(), logger: logger).migrate(setup)
        await setup.close()

        let receiver = BenchReceiver()
        try await receiver.start()
        let client = OutboundHTTPClient(maxConnections: inFlight * 2, maxConnectionsPerHost: inFlight * 2, logger: logger)
        let body = Array(Self.sampleBody.utf8)
        BenchOutput.show("hub bench deliveries — receiver on 127.0.0.1:\(receiver.port) answering 204; \(inFlight) in flight\n")

        // The receiver's ceiling: the same client, requests and concurrency, without the hub.
        let ceiling = try await Self.timed {
            await withTaskGroup(of: Void.self) { group in
                for lane in 0..<inFlight {
                    // Each lane its share of the requests, so that they add up to `deliveries`.
                    let share = deliveries / inFlight + (lane < deliveries % inFlight ? 1 : 0)
                    group.addTask {
                        for _ in 0..<share {
                            _ = try? await client.send(OutboundRequest(url: receiver.url, headers: [
                                OutboundHeader(name: "Content-Type", value: "application/cloudevents+json"),
                            ], body: body))
                        }
                    }
                }
            }
        }
        let ceilingRate = Double(deliveries) / ceiling

        // The hub: the same number of deliveries written as the scheduler writes them (two events
        // per report, so the per-report order is in play), then sent by one worker.
        let pool = PGPool(config: config, maxConnections: 8, logger: logger)
        let target = DeliveryTarget(
            name: "bench", recipient: try Party(id: "bench", displayName: "bench", hasProcessingAgreement: true),
            filter: { _ in true },
            endpoint: DeliveryEndpoint(
                url: receiver.url, secret: .generate(),
                // A failed attempt is retried within the run, not after the production schedule's 5 s
                // and 5 minutes: it shows up in the figures (and in "retried" below), not as a stall.
                retrySchedule: RetrySchedule(waits: Array(repeating: .milliseconds(100), count: 20)), maxInFlight: inFlight))
        try await Self.schedule(deliveries, body: Self.sampleBody, on: pool)
        let listener = PGListener(config: config, channels: [EventStore.channel, DeliveryWorker.channel], logger: logger)
        let worker = DeliveryWorker(pool: pool, listener: listener, client: client, targets: [target], logger: logger)
        let before = receiver.count
        let group = ServiceGroup(configuration: .init(services: [listener, worker], logger: logger))
        let hubSeconds = try await withThrowingTaskGroup(of: Void.self) { tasks in
            let started = ContinuousClock.now
            tasks.addTask { try await group.run() }
            while receiver.count - before < deliveries { try await Task.sleep(for: .milliseconds(2)) }
            let elapsed = ContinuousClock.now - started
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return HTTPBenchmark.milliseconds(elapsed) / 1000
        }
        let delivered = try await pool.query("SELECT count(*) FROM hub.deliveries WHERE state = 'delivered'").decode(Int.self, row: 0, column: 0)
        let retried = try await pool.query("SELECT coalesce(sum(attempts - 1), 0) FROM hub.deliveries").decode(Int.self, row: 0, column: 0)
        let hubRate = Double(deliveries) / hubSeconds

        BenchOutput.show(HTTPBenchmark.row("measurement", "per second", "seconds", "ratio", ""))
        BenchOutput.show(String(repeating: "─", count: 84))
        BenchOutput.show(HTTPBenchmark.row("receiver ceiling (libcurl, no hub)", String(format: "%.0f", ceilingRate), String(format: "%.2f", ceiling), "1.00"))
        BenchOutput.show(HTTPBenchmark.row("deliveries (claim, sign, send, record)", String(format: "%.0f", hubRate), String(format: "%.2f", hubSeconds),
                                String(format: "%.2f", hubRate / ceilingRate)))
        BenchOutput.show("\(delivered) of \(deliveries) recorded delivered, \(retried) attempts retried; target ≥ 3,000/s\n")

        // The latency is measured at a steady 100 reports/s, not in the throughput run's wake: the
        // 60,000 row versions it left are vacuumed first, as autovacuum would soon do.
        try await pool.withConnection { try $0.execute("VACUUM ANALYZE hub.deliveries") }
        // The baseline first: the same services running, the same steps (submit, route), called
        // directly; then through the HTTP API, as an app submits.
        let direct = try await endToEnd(receiver: receiver, client: client, pool: pool, adapter: "bench-direct", overHTTP: false)
        let overHTTP = try await endToEnd(receiver: receiver, client: client, pool: pool, adapter: "bench-http", overHTTP: true)
        BenchOutput.show(HTTPBenchmark.row("submit → arrival at \(rate) reports/s", "p50 ms", "p99 ms", "max ms", "reports"))
        BenchOutput.show(String(repeating: "─", count: 84))
        func percentile(_ sorted: [Double], _ p: Double) -> Double {
            sorted.isEmpty ? .nan : sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p + 0.5))]
        }
        for (name, latencies) in [("same steps without HTTP → receiver", direct), ("POST /api/v1/reports → receiver has it", overHTTP)] {
            let sorted = latencies.sorted()
            BenchOutput.show(HTTPBenchmark.row(
                name, String(format: "%.1f", percentile(sorted, 0.5)), String(format: "%.1f", percentile(sorted, 0.99)),
                String(format: "%.1f", sorted.last ?? .nan), "\(sorted.count)"))
        }
        BenchOutput.show(String(
            format: "ratio POST ÷ without HTTP: p50 %.2f, p99 %.2f",
            percentile(overHTTP.sorted(), 0.5) / percentile(direct.sorted(), 0.5), percentile(overHTTP.sorted(), 0.99) / percentile(direct.sorted(), 0.99)))
        // Where the time goes, by the database's clock: appended → delivery written → claimed → recorded.
        let split = try await pool.query("""
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.created_at - e.recorded_at)) * 1000,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.last_attempt_at - d.created_at)) * 1000,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.delivered_at - d.last_attempt_at)) * 1000
              FROM hub.deliveries d JOIN hub.events e ON e.event_id = d.event_id
             WHERE d.adapter = 'bench-http'
            """)
        BenchOutput.show(String(
            format: "medians over HTTP: event appended → delivery written %.1f ms, → claimed %.1f ms, → sent and recorded %.1f ms",
            try split.decode(Double.self, row: 0, column: 0), try split.decode(Double.self, row: 0, column: 1),
            try split.decode(Double.self, row: 0, column: 2)))
        BenchOutput.show("""

            Each report is POSTed to the HTTP API (over 8 keep-alive connections; the answer waits for the
            projection); the hub appends it and NOTIFYs, the scheduler follows the log, renders a
            CloudEvent and writes the delivery; the worker claims, signs and sends it.
            Target: p50 ≤ 10 ms, p99 ≤ 50 ms.
            """)
        await client.shutdown()
        await pool.close()
        await receiver.stop()
    }

    /// Reports POSTed to the HTTP API at `rate` per second for `seconds`, each timed from just
    /// before its request to its arrival at the receiver.
    private func endToEnd(
        receiver: BenchReceiver, client: OutboundHTTPClient, pool: PGPool, adapter: String, overHTTP: Bool
    ) async throws -> [Double] {
        let configuration = try ConfigurationFile.load()
        let store = EventStore(pool: pool, logger: logger)
        let listener = PGListener(config: config, channels: [EventStore.channel, DeliveryWorker.channel], logger: logger)
        let target = DeliveryTarget(
            name: adapter, recipient: try Party(id: "bench", displayName: "bench", hasProcessingAgreement: true),
            filter: { $0.recorded.type == ReportSubmitted.eventType },
            endpoint: DeliveryEndpoint(url: receiver.url, secret: .generate(), maxInFlight: inFlight))
        let worker = DeliveryWorker(pool: pool, listener: listener, client: client, targets: [target], logger: logger)
        let scheduler = DeliveryScheduler(
            store: store, listener: listener, pool: pool, targets: [target], publicURL: "http://localhost:8080",
            onScheduled: { worker.wake() }, logger: logger)
        let (projector, app, ports) = HTTPBenchmark.httpFace(
            configuration: configuration, pool: pool, store: store, listener: listener, logger: logger)
        // The scheduler and the projector start at the end of the log, not at the throughput run's events.
        let end = try await store.endPoint()
        try await pool.withConnection { connection in
            try CheckpointStore.save(end, for: DeliveryScheduler.subscriber, on: connection)
            try CheckpointStore.save(end, for: ReportProjector.subscriber, on: connection)
        }
        receiver.recordArrivalTimes()
        let group = ServiceGroup(configuration: .init(services: [listener, projector, scheduler, worker, app], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var bound = 0
            for await announced in ports { bound = announced }
            let port = bound
            try await Task.sleep(for: .milliseconds(500))
            // Keep-alive connections, each sending one request at a time, as an app's servers would.
            let (jobs, queue) = AsyncStream<(Int, ContinuousClock.Instant)>.makeStream()
            let tally = Tally()
            let headers: HTTPFields = [.authorization: "Bearer hub_demo_app", .contentType: "application/json"]
            let lanes = Task {
                try await withThrowingTaskGroup(of: Void.self) { lanes in
                    for _ in 0..<(overHTTP ? 8 : 0) {
                        lanes.addTask {
                            try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
                                for await (index, start) in jobs {
                                    let answer = try await client.post(
                                        "/api/v1/reports", headers: headers, body: ByteBuffer(string: HTTPBenchmark.submissionJSON(index)))
                                    let document = try? JSONSerialization.jsonObject(with: Data((answer.body.map { String(buffer: $0) } ?? "").utf8)) as? [String: Any]
                                    guard answer.status == .created, let id = (document?["report"] as? [String: Any])?["id"] as? String else {
                                        if tally.failures.add(1, ordering: .relaxed).newValue == 1 {
                                            BenchOutput.show("the first failed POST: \(answer.status) \(answer.body.map { String(buffer: $0) } ?? "")")
                                        }
                                        continue
                                    }
                                    tally.sent.withLock { $0.append((id, start)) }
                                }
                            }
                        }
                    }
                    try await lanes.waitForAll()
                }
            }
            let interval = Duration.seconds(1) / rate
            var next = ContinuousClock.now
            let handler = ReportCommandHandler(store: store)
            let policy = configuration.policy(for: "GM0153")
            let collector = try configuration.party("afval-twente").map { try $0.domainParty() }
            for index in 0..<(rate * seconds) {
                try await Task.sleep(until: next)
                next += interval
                guard !overHTTP else {
                    queue.yield((index, ContinuousClock.now))
                    continue
                }
                let id = ReportID.generate()
                tally.sent.withLock { $0.append((id.description, ContinuousClock.now)) }
                let submission = try HTTPBenchmark.submission(index)
                Task {
                    // As the API does: the submission and its routing in one append.
                    var steps = [ReportCommandStep(ReportCommand(reportID: id, actor: .system(name: "bench"), issuedAt: Date(), action: .submit(submission)))]
                    if let collector {
                        steps.append(ReportCommandStep(
                            ReportCommand(reportID: id, actor: .system(name: "routing"), issuedAt: Date(), action: .forward(collector))))
                    }
                    _ = try await handler.handle(steps, policy: policy)
                }
            }
            queue.finish()
            try await lanes.value
            let submitted = tally.sent.withLock { $0 }
            let deadline = ContinuousClock.now + .seconds(10)
            while ContinuousClock.now < deadline, submitted.contains(where: { receiver.arrival(of: $0.0) == nil }) {
                try await Task.sleep(for: .milliseconds(10))
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            let failed = tally.failures.load(ordering: .relaxed)
            if failed > 0 { BenchOutput.show("\(failed) POSTs failed") }
            return submitted.compactMap { id, start in
                receiver.arrival(of: id).map { HTTPBenchmark.milliseconds($0 - start) }
            }
        }
    }

    /// What the connections sending reports share: each report's id and send time, and failures.
    private final class Tally: Sendable {
        let sent = Mutex<[(String, ContinuousClock.Instant)]>([])
        let failures = Atomic<Int>(0)
    }

    /// Writes `count` pending deliveries of a fixed body, two per report, in batches.
    static func schedule(_ count: Int, body: String, on pool: PGPool) async throws {
        var written = 0
        while written < count {
            let batch = min(2000, count - written)
            var adapters: [String?] = [], events: [String?] = [], positions: [String?] = [], reports: [String?] = []
            var versions: [String?] = [], types: [String?] = [], contentTypes: [String?] = [], bodies: [String?] = []
            var report = UUID()
            for index in 0..<batch {
                if index % 2 == 0 { report = UUID() }
                adapters.append("bench"); events.append(UUID().uuidString); positions.append(String(written + index + 1))
                reports.append(report.uuidString); versions.append(String(index % 2 + 1)); types.append("ReportSubmitted")
                contentTypes.append("application/cloudevents+json"); bodies.append(body)
            }
            let query: PGQuery = """
                SELECT hub.schedule_deliveries(\(PGArray(adapters))::text[], \(PGArray(events))::uuid[], \
                \(PGArray(positions))::bigint[], \(PGArray(reports))::uuid[], \(PGArray(versions))::bigint[], \
                \(PGArray(types))::text[], \(PGArray(contentTypes))::text[], \(PGArray(bodies))::text[])
                """
            _ = try await pool.query(query)
            written += batch
        }
        _ = try await pool.query("ANALYZE hub.deliveries")
    }

    static func timed(_ body: () async throws -> Void) async throws -> Double {
        let started = ContinuousClock.now
        try await body()
        return HTTPBenchmark.milliseconds(ContinuousClock.now - started) / 1000
    }

    /// A CloudEvent of the size the hub sends for a submission.
    static let sampleBody = """
        {"datacontenttype":"application/json","dataschema":"http://localhost:8080/schemas/events/ReportSubmitted.v1.json",\
        "id":"0b6f0f5e-6f0e-4c7a-9a43-6f1f1b9e2d11","municipality":"GM0153","position":"1",\
        "source":"http://localhost:8080/municipalities/GM0153","specversion":"1.0","subject":"6a0c5f47-1b1e-4c55-8f0e-0d1b8f3f0a42",\
        "time":"2026-11-23T10:15:30.123Z","type":"nl.meldingenhub.report.ReportSubmitted.v1","sequence":"1",\
        "data":{"category":"afval.container","channel":"app","description":"Het deksel van de container sluit niet meer; de zakken liggen ernaast.",\
        "location":{"address":"Hengelosestraat 12, Enschede","latitude":52.2215,"longitude":6.8937,"postcode":"7514 AE"},\
        "municipality":"GM0153","photo_urls":["https://example.org/photos/deksel.jpg"],"report_id":"6a0c5f47-1b1e-4c55-8f0e-0d1b8f3f0a42",\
        "submitted_at":"2026-11-23T10:15:30.123Z","urgency":"normal"}}
        """
}
