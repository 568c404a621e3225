import EventLog
import Foundation
import Logging
import Postgres
import Synchronization

/// `hub bench append`: the event log's append paths beside the same server's raw INSERT ceiling.
struct AppendBenchmark: Sendable {
    let config: PGConnectionConfig
    let seconds: Double
    let rounds: Int
    let batchSize: Int
    let logger: Logger

    /// One measured run: events stored, time taken, WAL written.
    struct Run: Sendable {
        var events: Int
        var elapsed: Double
        var walBytes: Double
        var perSecond: Double { Double(events) / elapsed }
        var walPerEvent: Double { walBytes / Double(max(events, 1)) }
    }

    /// A realistic event payload: a submitted report of about 600 bytes of JSON.
    static let data = Array("""
        {"report_id": "6f1c2d0e-3b7a-4c55-9d0f-2a1b3c4d5e6f", "municipality": "0153", "channel": "app", \
        "category": "afval.container", "description": "Het deksel van de container in de Hengelosestraat \
        sluit niet meer; de zakken liggen ernaast en de meeuwen halen ze open.", "location": {"latitude": \
        52.2215, "longitude": 6.8937, "address": "Hengelosestraat 12, Enschede", "postcode": "7514 AE"}, \
        "photo_urls": ["https://example.org/photos/deksel.jpg"], "contact": {"name": "Johan", "email": \
        "johan@example.org", "phone": null}, "notification_preference": {"level": "every_step", "channel": \
        "email"}, "urgency": "normal", "submitted_at": "2026-11-23T10:00:00.000Z"}
        """.utf8)
    static let metadata = EventMetadata(actor: "adapter:verbeterdebuurt", correlationID: "bench", externalIDs: ["verbeterdebuurt": "VDB-1"])

    func prepare() async throws {
        let pool = PGPool(config: config, maxConnections: 1, logger: logger)
        let schemas = try SchemaDirectory.migrations()
        try await Migrator(directory: schemas, logger: logger).migrate(pool)
        let raw = try String(contentsOf: schemas.appendingPathComponent("bench/raw_events.sql"), encoding: .utf8)
        try await pool.withConnection { try $0.execute(raw) }
        await pool.close()
    }

    func runAll() async throws {
        let settings = try await serverSettings()
        BenchOutput.show("hub bench append — \(rounds) rounds × \(String(format: "%.1f", seconds)) s per figure, median shown")
        BenchOutput.show("server: PostgreSQL \(settings)\n")
        BenchOutput.show(Self.row("measurement", "clients", "events/s", "raw events/s", "ratio", "WAL B/event"))
        BenchOutput.show(String(repeating: "─", count: 96))
        for clients in [1, 4] {
            let (hub, raw, floors) = try await compare(clients: clients, hub: singleAppend, raw: singleInsert, floors: [singleKeyedInsert, singleChainedInsert])
            BenchOutput.show(Self.row("single-event append", "\(clients)", hub, raw))
            BenchOutput.show(Self.row("  floor: INSERT, the log's keys", "\(clients)", floors[0], raw))
            BenchOutput.show(Self.row("  floor: … and the hash chain", "\(clients)", floors[1], raw))
        }
        for clients in [1, 4] {
            let (hub, raw) = try await compare(clients: clients, hub: batchAppendOneStream, raw: batchInsert)
            BenchOutput.show(Self.row("batch of \(batchSize), one stream", "\(clients)", hub, raw))
        }
        for clients in [1, 4] {
            let (hub, raw) = try await compare(clients: clients, hub: batchAppendManyStreams, raw: batchInsert)
            BenchOutput.show(Self.row("batch of \(batchSize), \(batchSize) streams", "\(clients)", hub, raw))
        }
        BenchOutput.show("""

            ratio = hub ÷ raw at the same client count. raw = plain INSERT of the same payload into a
            table with only a primary key (hub_bench.raw_events), one statement per event (single)
            or one INSERT … SELECT FROM unnest(arrays) per batch. Targets: single ≥ 0.8 × raw;
            batched ≥ 30,000 events/s.
            floors = what any append keeping the log's rules must do at the least, as plain INSERTs
            of the same payload: into a table with the three B-trees those rules need (commit-safe
            order, unique event id, unique stream version; hub_bench.keyed_events), and the same
            with the stream's head read and the hash chained in that one statement
            (hub_bench.chained_events). No function, trigger or check: no append is faster.
            """)
    }

    private func serverSettings() async throws -> String {
        let pool = PGPool(config: config, maxConnections: 1, logger: logger)
        let result = try await pool.query(
            "SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit')")
        await pool.close()
        return "\(try result.decode(String.self, row: 0, column: 0)), fsync=\(try result.decode(String.self, row: 0, column: 1)), synchronous_commit=\(try result.decode(String.self, row: 0, column: 2))"
    }

    /// One client's work: stores some events on a borrowed pool and says how many.
    typealias Client = @Sendable (_ pool: PGPool, _ store: EventStore, _ client: Int, _ iteration: Int) async throws -> Int

    /// Alternates hub and raw runs and returns the median of each.
    private func compare(clients: Int, hub: @escaping Client, raw: @escaping Client) async throws -> (Run, Run) {
        let (hubRun, rawRun, _) = try await compare(clients: clients, hub: hub, raw: raw, floors: [])
        return (hubRun, rawRun)
    }

    /// Alternates raw, each floor and hub runs and returns the median of each.
    private func compare(
        clients: Int, hub: @escaping Client, raw: @escaping Client, floors: [Client]
    ) async throws -> (hub: Run, raw: Run, floors: [Run]) {
        var hubRuns: [Run] = []
        var rawRuns: [Run] = []
        var floorRuns = Array(repeating: [Run](), count: floors.count)
        for _ in 0..<rounds {
            rawRuns.append(try await measure(clients: clients, raw))
            for (index, floor) in floors.enumerated() { floorRuns[index].append(try await measure(clients: clients, floor)) }
            hubRuns.append(try await measure(clients: clients, hub))
        }
        return (Self.median(hubRuns), Self.median(rawRuns), floorRuns.map(Self.median))
    }

    private func measure(clients: Int, _ work: @escaping Client) async throws -> Run {
        let pool = PGPool(config: config, maxConnections: clients + 1, logger: logger)
        let store = EventStore(pool: pool, logger: logger)
        // Warm up: connections open and statements prepared before the clock starts.
        try await withThrowingTaskGroup(of: Int.self) { group in
            for client in 0..<clients { group.addTask { try await work(pool, store, client, -1) } }
            try await group.waitForAll()
        }
        let walBefore = try await walPosition(pool)
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        let started = ContinuousClock.now
        let events = try await withThrowingTaskGroup(of: Int.self) { group in
            for client in 0..<clients {
                group.addTask {
                    var stored = 0
                    var iteration = 0
                    while ContinuousClock.now < deadline {
                        stored += try await work(pool, store, client, iteration)
                        iteration += 1
                    }
                    return stored
                }
            }
            return try await group.reduce(0, +)
        }
        let elapsed = (ContinuousClock.now - started) / .seconds(1)
        let walAfter = try await walPosition(pool)
        await pool.close()
        return Run(events: events, elapsed: elapsed, walBytes: walAfter - walBefore)
    }

    private func walPosition(_ pool: PGPool) async throws -> Double {
        let result = try await pool.query("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::float8")
        return try result.decode(Double.self, row: 0, column: 0)
    }

    // MARK: the measured work

    /// A stream per client and iteration range: each client appends to its own reports.
    private static func stream(_ client: Int, _ iteration: Int, _ salt: String) -> String {
        "report-bench-\(salt)-\(client)-\(iteration / 20)"
    }

    private static let runID = UUID().uuidString.prefix(8).lowercased()

    private var singleAppend: Client {
        { _, store, client, iteration in
            let event = NewEvent(type: "ReportSubmitted", data: Self.data, metadata: Self.metadata)
            try await store.append(
                [event], to: Self.stream(client, iteration, "s\(Self.runID)\(UUID.timeOrdered().uuidString)"), municipality: "0153",
                expected: .any)
            return 1
        }
    }

    private var singleInsert: Client { Self.singleInsert(into: "hub_bench.raw_events", salt: { "raw" }) }

    /// Its streams are unique per event, as the table's key on stream and version requires.
    private var singleKeyedInsert: Client {
        Self.singleInsert(into: "hub_bench.keyed_events", salt: { "k\(Self.runID)\(UUID.timeOrdered().uuidString)" })
    }

    /// One plain INSERT of the payload per event; `table` is one of the benchmark's own.
    private static func singleInsert(into table: String, salt: @escaping @Sendable () -> String) -> Client {
        { pool, _, client, iteration in
            let query: PGQuery = """
                INSERT INTO \(unescaped: table) (event_id, stream_id, stream_version, event_type, schema_version, municipality, data, metadata)
                VALUES (\(UUID.timeOrdered()), \(Self.stream(client, iteration, salt())), \(Int64(iteration % 20 + 1)), 'ReportSubmitted', 1, '0153', \
                \(PGJSON(utf8: Self.data))::jsonb, \(PGJSON(utf8: try Self.metadata.encodedJSON()))::jsonb)
                """
            try await pool.query(query.prepared())
            return 1
        }
    }

    /// What an append that chains its hash must do at the least, in one plain statement: read the
    /// stream's head, hash, insert (the digest input is the log's own, 0004_event_digest_input.sql).
    private var singleChainedInsert: Client {
        { pool, _, client, iteration in
            let query: PGQuery = """
                INSERT INTO hub_bench.chained_events (event_id, stream_id, stream_version, event_type, schema_version, municipality, data, metadata, recorded_at, hash)
                SELECT n.id, n.stream, coalesce(h.version, 0) + 1, 'ReportSubmitted', 1, '0153', n.data, n.metadata, now(),
                       sha256(coalesce(h.hash, ''::bytea) || hub.event_digest_input(
                           n.id, n.stream, coalesce(h.version, 0) + 1, 'ReportSubmitted', 1, '0153', n.data, n.metadata, now()))
                  FROM (SELECT \(UUID.timeOrdered())::uuid AS id, \(Self.stream(client, iteration, "c\(Self.runID)\(UUID.timeOrdered().uuidString)"))::text AS stream,
                               \(PGJSON(utf8: Self.data))::jsonb AS data, \(PGJSON(utf8: try Self.metadata.encodedJSON()))::jsonb AS metadata) n
                  LEFT JOIN LATERAL (SELECT c.stream_version AS version, c.hash FROM hub_bench.chained_events c
                                      WHERE c.stream_id = n.stream ORDER BY c.stream_version DESC LIMIT 1) h ON true
                RETURNING stream_version, position, transaction_id
                """
            try await pool.query(query.prepared())
            return 1
        }
    }

    private var batchAppendOneStream: Client {
        let size = batchSize
        return { _, store, client, iteration in
            let events = (0..<size).map { _ in NewEvent(type: "StatusUpdated", data: Self.data, metadata: Self.metadata) }
            try await store.append(
                events, to: "report-bench-batch-\(Self.runID)-\(client)-\(iteration)-\(UUID.timeOrdered().uuidString)",
                municipality: "0153", expected: .noStream)
            return size
        }
    }

    private var batchAppendManyStreams: Client {
        let size = batchSize
        return { _, store, client, iteration in
            let appends = (0..<size).map { index in
                StreamAppend(
                    stream: "report-bench-many-\(Self.runID)-\(client)-\(iteration)-\(index)-\(UUID.timeOrdered().uuidString)",
                    municipality: "0153", expected: .noStream,
                    events: [NewEvent(type: "ReportSubmitted", data: Self.data, metadata: Self.metadata)])
            }
            _ = try await store.append(batch: appends)
            return size
        }
    }

    private var batchInsert: Client {
        let size = batchSize
        return { pool, _, client, iteration in
            let text = String(decoding: Self.data, as: UTF8.self)
            let metadata = String(decoding: try Self.metadata.encodedJSON(), as: UTF8.self)
            let query: PGQuery = """
                INSERT INTO hub_bench.raw_events (event_id, stream_id, stream_version, event_type, schema_version, municipality, data, metadata)
                SELECT id, \(Self.stream(client, iteration, "rawbatch")), n, 'StatusUpdated', 1, '0153', d, m
                  FROM unnest(\(PGArray((0..<size).map { _ in UUID.timeOrdered().uuidString }))::uuid[],
                              \(PGArray(Array(repeating: text, count: size)))::jsonb[],
                              \(PGArray(Array(repeating: metadata, count: size)))::jsonb[]) WITH ORDINALITY AS t(id, d, m, n)
                """
            try await pool.query(query.prepared())
            return size
        }
    }

    // MARK: printing

    private static func median(_ runs: [Run]) -> Run {
        runs.sorted { $0.perSecond < $1.perSecond }[runs.count / 2]
    }

    static func row(_ name: String, _ clients: String, _ hub: Run, _ raw: Run) -> String {
        row(
            name, clients, String(format: "%.0f", hub.perSecond), String(format: "%.0f", raw.perSecond),
            String(format: "%.2f", hub.perSecond / raw.perSecond),
            String(format: "%.0f (raw %.0f)", hub.walPerEvent, raw.walPerEvent))
    }

    static func row(_ columns: String...) -> String {
        let widths = [32, 8, 11, 14, 7, 20]
        return zip(columns, widths).map { text, width in
            text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
        }.joined()
    }
}
