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

/// The measurements of `hub bench http`.
struct HTTPBenchmark: Sendable {
    let config: PGConnectionConfig
    let seconds: Double
    let connections: Int
    let logger: Logger

    /// What one measurement saw.
    struct Run: Sendable {
        var requests: Int
        var failures: Int
        var elapsed: Double
        var latencies: [Double]
        var perSecond: Double { Double(requests) / elapsed }
        func percentile(_ p: Double) -> Double {
            guard !latencies.isEmpty else { return .nan }
            let sorted = latencies.sorted()
            return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p + 0.5))]
        }
    }

    func run() async throws {
        let setup = PGPool(config: config, maxConnections: 1, logger: logger)
        try await Migrator(directory: SchemaDirectory.migrations(), logger: logger).migrate(setup)
        await setup.close()

        let configuration = try ConfigurationFile.load()
        let pool = PGPool(config: config, maxConnections: connections + 2, logger: logger)
        let listener = PGListener(config: config, channels: [EventStore.channel], logger: logger)
        let store = EventStore(pool: pool, logger: logger)
        let (projector, app, ports) = Self.httpFace(configuration: configuration, pool: pool, store: store, listener: listener, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [pool, listener, projector, app], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var port = 0
            for await bound in ports { port = bound }
            let handler = ReportCommandHandler(store: store)
            let policy = configuration.policy(for: "GM0153")

            BenchOutput.show("hub bench http — \(connections) connections, \(String(format: "%.0f", seconds)) s per measurement, hub on 127.0.0.1:\(port)\n")
            BenchOutput.show(Self.row("measurement", "requests/s", "p50 ms", "p99 ms", "failures"))
            BenchOutput.show(String(repeating: "─", count: 84))
            let ceiling = try await overHTTP(port: port) { client, _ in
                try await client.get("/health/live").status == .ok
            }
            BenchOutput.show(Self.row("GET /health/live (server ceiling)", ceiling))
            let collector = try Party(id: "afval-twente", displayName: "de afvalinzamelaar", hasProcessingAgreement: false)
            let direct = try await measure { index in
                let id = ReportID.generate()
                // As the API does: the submission and its routing in one append.
                let outcomes = try await handler.handle(
                    [ReportCommandStep(ReportCommand(reportID: id, actor: .system(name: "bench"), issuedAt: Date(), action: .submit(try Self.submission(index)))),
                     ReportCommandStep(ReportCommand(reportID: id, actor: .system(name: "routing"), issuedAt: Date(), action: .forward(collector)))],
                    policy: policy)
                guard let point = outcomes.last?.appended.events.last?.point else { return false }
                return await projector.waitUntilProjected(point, timeout: .seconds(5))
            }
            BenchOutput.show(Self.row("same steps without HTTP", direct))
            let headers: HTTPFields = [.authorization: "Bearer hub_demo_app", .contentType: "application/json"]
            let submissions = try await overHTTP(port: port) { client, index in
                try await client.post("/api/v1/reports", headers: headers, body: ByteBuffer(string: Self.submissionJSON(index))).status == .created
            }
            BenchOutput.show(Self.row("POST /api/v1/reports", submissions))
            BenchOutput.show("""

                "same steps without HTTP" = submit, route to the party, wait for the projection, called
                directly from \(connections) tasks. Ratio of POST to those steps without HTTP: \(String(format: "%.2f", submissions.perSecond / direct.perSecond)); \
                to the server's ceiling: \(String(format: "%.2f", submissions.perSecond / ceiling.perSecond))
                Every POST appends the report (and, for this category, the routing step) and answers
                only once the projection shows it, so p50/p99 include the projector's catch-up.
                """)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    /// The hub's projector and HTTP face over these parts, on a free port of 127.0.0.1, and the
    /// port once it is bound. Both run in the caller's service group.
    static func httpFace(
        configuration: HubConfiguration, pool: PGPool, store: EventStore, listener: PGListener, logger: Logger
    ) -> (ReportProjector, some Service, AsyncStream<Int>) {
        let projector = ReportProjector(store: store, listener: listener, pool: pool, policy: { configuration.policy(for: $0) }, logger: logger)
        let dependencies = HubDependencies(
            configuration: configuration, pool: pool, store: store, listener: listener, queries: ReportQueries(pool: pool),
            waitUntilProjected: { await projector.waitUntilProjected($0, timeout: $1) },
            metrics: PrometheusCollectorRegistry(), migrationsCurrent: { true })
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let app = buildApplication(dependencies, port: 0, logger: logger) { channel in
            portContinuation.yield(channel.localAddress?.port ?? 0)
            portContinuation.finish()
        }
        return (projector, app, ports)
    }

    /// `connections` keep-alive clients sending requests until the time is up.
    private func overHTTP(port: Int, _ request: @escaping @Sendable (TestClient, Int) async throws -> Bool) async throws -> Run {
        let counter = Atomic<Int>(0)
        return try await measure { deadline in
            try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
                await Self.work(until: deadline) { try await request(client, counter.add(1, ordering: .relaxed).newValue) }
            }
        }
    }

    /// `connections` tasks calling `request` until the time is up.
    private func measure(_ request: @escaping @Sendable (Int) async throws -> Bool) async throws -> Run {
        let counter = Atomic<Int>(0)
        return try await measure { deadline in
            await Self.work(until: deadline) { try await request(counter.add(1, ordering: .relaxed).newValue) }
        }
    }

    /// Runs `connections` workers until the deadline and adds up what they saw.
    private func measure(_ worker: @escaping @Sendable (ContinuousClock.Instant) async throws -> Tally) async throws -> Run {
        let clock = ContinuousClock()
        let started = clock.now
        let deadline = started + .milliseconds(Int(seconds * 1000))
        let tallies = try await withThrowingTaskGroup(of: Tally.self) { group in
            for _ in 0..<connections { group.addTask { try await worker(deadline) } }
            var all: [Tally] = []
            for try await tally in group { all.append(tally) }
            return all
        }
        let elapsed = clock.now - started
        return Run(
            requests: tallies.map(\.done).reduce(0, +), failures: tallies.map(\.failed).reduce(0, +),
            elapsed: Self.milliseconds(elapsed) / 1000, latencies: tallies.flatMap(\.latencies))
    }

    /// What one worker saw.
    struct Tally: Sendable {
        var done = 0
        var failed = 0
        var latencies: [Double] = []
    }

    /// One worker's loop: a request, timed, until the deadline; an error counts as a failure.
    static func work(until deadline: ContinuousClock.Instant, _ request: () async throws -> Bool) async -> Tally {
        let clock = ContinuousClock()
        var tally = Tally()
        while clock.now < deadline {
            let start = clock.now
            let ok = (try? await request()) ?? false
            tally.latencies.append(milliseconds(clock.now - start))
            if ok { tally.done += 1 } else { tally.failed += 1 }
        }
        return tally
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    static func submission(_ index: Int) throws -> ReportSubmission {
        ReportSubmission(
            municipality: "GM0153", channel: "app", category: "afval.container",
            description: "Bench \(index): het deksel van de container sluit niet meer.",
            location: try Location(latitude: 52.2215 + Double(index % 1000) * 0.00001, longitude: 6.8937, address: "Hengelosestraat \(index % 200), Enschede"))
    }

    static func submissionJSON(_ index: Int) -> String {
        """
        {"municipality": "GM0153", "category": "afval.container", "channel": "app",
         "description": "Bench \(index): het deksel van de container sluit niet meer.",
         "location": {"latitude": \(52.2215 + Double(index % 1000) * 0.00001), "longitude": 6.8937, "address": "Hengelosestraat \(index % 200), Enschede"}}
        """
    }

    static func row(_ name: String, _ run: Run) -> String {
        row(name, String(format: "%.0f", run.perSecond), String(format: "%.1f", run.percentile(0.5)), String(format: "%.1f", run.percentile(0.99)), "\(run.failures)")
    }

    static func row(_ columns: String...) -> String {
        let widths = [38, 12, 10, 10, 10]
        return zip(columns, widths).map { column, width in
            column.count >= width ? column + " " : column + String(repeating: " ", count: width - column.count)
        }.joined()
    }
}
