import EventLog
import Foundation
import Logging
import Postgres
import Projections
import ReportDomain

/// `hub bench projections`: the report projection's rebuild beside a raw read of the same log,
/// and search latency on the rebuilt read model.
struct ProjectionBenchmark: Sendable {
    /// The scratch database's owner: generates the log (straight into hub.events, hash chains
    /// computed by the database) and refreshes statistics.
    let owner: PGConnectionConfig
    /// The hub's runtime role on the scratch database: rebuilds and searches, as the hub would.
    let runtime: PGConnectionConfig
    let reports: Int
    let queries: Int
    let rounds: Int
    /// Whether to time one more rebuild with its halves apart.
    let halves: Bool
    let logger: Logger

    /// Five municipalities around real towns: code, name, centre, postcode range, streets, party.
    struct Town: Sendable {
        var code: String
        var name: String
        var latitude: Double
        var longitude: Double
        var postcode: Int
        var streets: [String]
        var party: (id: String, name: String)
    }

    static let towns: [Town] = [
        Town(
            code: "GM0153", name: "Enschede", latitude: 52.2215, longitude: 6.8937, postcode: 7511,
            streets: [
                "Hengelosestraat", "Oldenzaalsestraat", "Haaksbergerstraat", "Gronausestraat", "Deurningerstraat",
                "Lasondersingel", "Boulevard 1945", "Hoge Bothofstraat", "Kuipersdijk", "Lipperkerkstraat",
                "Brinkstraat", "Getfertsingel", "Espoortstraat", "Noordradeweg", "Roessinghsbleekweg", "Pathmossingel",
                "Zuiderval", "Wesselerbrinklaan", "Dolphiastraat", "Olympialaan",
            ], party: ("twente-milieu", "Twente Milieu")),
        Town(
            code: "GM0599", name: "Rotterdam", latitude: 51.9225, longitude: 4.4792, postcode: 3011,
            streets: [
                "Coolsingel", "Witte de Withstraat", "Nieuwe Binnenweg", "Beijerlandselaan", "Zwart Janstraat",
                "Kleiweg", "Bergweg", "Schiedamseweg", "Groene Hilledijk", "Mathenesserlaan", "Goudsesingel",
                "Oostzeedijk", "Kruiskade", "Lijnbaan", "West-Kruiskade", "Vierambachtsstraat", "Putselaan",
                "Slinge", "Straatweg", "Boezemweg",
            ], party: ("roteb", "Roteb")),
        Town(
            code: "GM0363", name: "Amsterdam", latitude: 52.3676, longitude: 4.9041, postcode: 1011,
            streets: [
                "Damrak", "Kinkerstraat", "Van Woustraat", "Javastraat", "Ferdinand Bolstraat", "Haarlemmerdijk",
                "Overtoom", "Eerste Constantijn Huygensstraat", "Linnaeusstraat", "Albert Cuypstraat", "Bilderdijkstraat",
                "Jan Evertsenstraat", "Czaar Peterstraat", "Utrechtsestraat", "Marnixstraat", "Nassaukade",
                "Rozengracht", "Wibautstraat", "Burgemeester de Vlugtlaan", "Osdorpplein",
            ], party: ("renewi-amsterdam", "Renewi")),
        Town(
            code: "GM1961", name: "Leerdam", latitude: 51.8936, longitude: 5.0919, postcode: 4141,
            streets: [
                "Kerkstraat", "Hoogstraat", "Lingedijk", "Vlietskade", "Dr. Reilingweg", "Koninginnestraat",
                "Nieuwstraat", "Tiendweg", "Zuidwal", "Oosthavendijk",
            ], party: ("avri", "Avri")),
        Town(
            code: "GM0344", name: "Utrecht", latitude: 52.0907, longitude: 5.1214, postcode: 3511,
            streets: [
                "Oudegracht", "Amsterdamsestraatweg", "Biltstraat", "Kanaalweg", "Vleutenseweg", "Twijnstraat",
                "Nachtegaalstraat", "Adriaen van Ostadelaan", "Burgemeester Reigerstraat", "Marnixlaan",
                "Overvecht", "Croeselaan", "Laan van Nieuw Guinea", "Jutfaseweg", "Oog in Al",
            ], party: ("ruwa", "RUWA")),
    ]

    static let categories: [(code: String, text: String)] = [
        ("afval.container", "Het deksel van de container sluit niet meer; de zakken liggen ernaast en de meeuwen halen ze open."),
        ("verlichting", "De lantaarnpaal bij het fietspad brandt al een week niet, het is er 's avonds erg donker."),
        ("wegen.gat", "Groot gat in het wegdek voor de deur, fietsers moeten uitwijken naar de rijbaan."),
        ("zwerfvuil", "Veel zwerfvuil en glas op de stoep bij het speelveld naast de school."),
        ("groen.snoeien", "Overhangende takken van de bomen belemmeren het zicht op het verkeersbord."),
        ("riolering", "Het putdeksel ligt los en klappert als er een auto overheen rijdt."),
    ]

    func run() async throws {
        let settings = try await prepare()
        BenchOutput.show("hub bench projections — \(reports) reports in \(Self.towns.count) municipalities; \(settings)\n")
        let started = ContinuousClock.now
        let events = try await generate()
        BenchOutput.show(String(format: "generated %d events in %.1f s\n", events, seconds(ContinuousClock.now - started)))

        var raws: [(events: Int, seconds: Double)] = []
        var rebuilds: [(events: Int, seconds: Double)] = []
        let pool = PGPool(config: runtime, maxConnections: 2, logger: logger)
        for _ in 0..<rounds {
            raws.append(try await rawRead(pool))
            let result = try await ProjectionRebuild.run(pool: pool, policy: { MunicipalityPolicy(municipality: $0) }, logger: logger)
            rebuilds.append((result.events, seconds(result.duration)))
        }
        // Once more with the halves apart: reading and folding into memory alone, then writing
        // alone. What each half costs bounds what any overlap of the two can reach.
        let apart = halves
            ? try await ProjectionRebuild.run(
                pool: pool, policy: { MunicipalityPolicy(municipality: $0) }, schedule: .halvesApart, logger: logger)
            : nil
        // The hub leaves statistics to autovacuum; the owner refreshes them here so that the
        // searches are planned as they would be a minute after a rebuild.
        let ownerPool = PGPool(config: owner, maxConnections: 1, logger: logger)
        try await ownerPool.withConnection { try $0.execute("ANALYZE hub.report_projection; ANALYZE hub.report_external_ids") }
        await ownerPool.close()

        let raw = median(raws)
        let rebuild = median(rebuilds)
        BenchOutput.show(row("measurement", "events", "seconds", "events/s", "ratio"))
        BenchOutput.show(String(repeating: "─", count: 78))
        BenchOutput.show(row("raw read of hub.events (cursor)", "\(raw.events)", String(format: "%.1f", raw.seconds), rate(raw), "1.00"))
        BenchOutput.show(
            row(
                "rebuild (read, fold, COPY, indexes)", "\(rebuild.events)", String(format: "%.1f", rebuild.seconds), rate(rebuild),
                String(format: "%.2f", (Double(rebuild.events) / rebuild.seconds) / (Double(raw.events) / raw.seconds))))
        if let apart, let folding = apart.foldDuration, let writing = apart.writeDuration {
            let fold = (events: apart.events, seconds: seconds(folding))
            let write = (events: apart.events, seconds: seconds(writing))
            // While folding, the folding threads and the reading backend keep every core busy; the
            // writing backend uses one. So on one machine no overlap takes less than fold + write ÷ cores.
            let cores = ProcessInfo.processInfo.activeProcessorCount
            let bound = (events: apart.events, seconds: max(fold.seconds, write.seconds, fold.seconds + write.seconds / Double(cores)))
            for (name, half) in [
                ("  halves apart: read and fold alone", fold), ("  halves apart: write alone", write),
                ("  best overlap on \(cores) cores", bound),
            ] {
                BenchOutput.show(
                    row(
                        name, "\(half.events)", String(format: "%.1f", half.seconds), rate(half),
                        String(format: "%.2f", (Double(half.events) / half.seconds) / (Double(raw.events) / raw.seconds))))
            }
        }

        let queries = ReportQueries(pool: pool)
        var generator = SystemRandomNumberGenerator()
        let gps = try await time(queries) { _ in
            let town = Self.towns.randomElement(using: &generator)!
            return ReportSearch(
                near: .init(
                    latitude: town.latitude + Double.random(in: -0.02...0.02, using: &generator),
                    longitude: town.longitude + Double.random(in: -0.03...0.03, using: &generator), radiusMetres: 500),
                limit: 20)
        }
        let address = try await time(queries) { _ in
            let town = Self.towns.randomElement(using: &generator)!
            var street = Array(town.streets.randomElement(using: &generator)!)
            // One typing error: a letter left out.
            street.remove(at: Int.random(in: 1..<(street.count - 1), using: &generator))
            return ReportSearch(address: "\(String(street)) \(Int.random(in: 1...150, using: &generator))", limit: 20)
        }
        await pool.close()
        BenchOutput.show("\n" + row("search (\(self.queries) each, 20 per page)", "p50 ms", "p99 ms", "mean hits", ""))
        BenchOutput.show(String(repeating: "─", count: 78))
        BenchOutput.show(row("GPS radius 500 m", String(format: "%.2f", gps.p50), String(format: "%.2f", gps.p99), String(format: "%.1f", gps.hits), ""))
        BenchOutput.show(row("address with a typo", String(format: "%.2f", address.p50), String(format: "%.2f", address.p99), String(format: "%.1f", address.hits), ""))
        BenchOutput.show("""

            ratio = rebuild events/s ÷ raw read events/s, same run. raw = every column of every event
            fetched through a cursor and nothing done with it. The rebuild reads in stream order,
            decodes and folds each report, writes three tables with COPY and builds their indexes,
            all in one transaction. Target: ≥ 50,000 events/s.
            halves apart = one more rebuild that reads and folds every report into memory first
            (all threads) and only then writes (COPY, keys, indexes: one backend), each half timed
            alone. Folding keeps every core busy and writing one, so with the server on the same
            machine no overlap of the halves takes less than fold + write ÷ cores (nor less than
            either half): the best overlap.
            """)
    }

    private func prepare() async throws -> String {
        let pool = PGPool(config: owner, maxConnections: 1, logger: logger)
        defer { Task { await pool.close() } }
        try await Migrator(directory: try SchemaDirectory.migrations(), logger: logger).migrate(pool)
        let result = try await pool.query(
            "SELECT current_setting('server_version'), current_setting('shared_buffers'), current_setting('maintenance_work_mem')")
        return "PostgreSQL \(try result.decode(String.self, row: 0, column: 0)), shared_buffers=\(try result.decode(String.self, row: 0, column: 1)), maintenance_work_mem=\(try result.decode(String.self, row: 0, column: 2))"
    }

    /// Writes the log straight into hub.events in batches of reports, each version of each
    /// stream chained to the one before it by the database's own digest (so `hub verify` holds).
    private func generate() async throws -> Int {
        let pool = PGPool(config: owner, maxConnections: 1, logger: logger)
        let towns = Self.townsSQL()
        let categories = Self.categoriesSQL()
        let batch = 25_000
        var events = 0
        var first = 0
        while first < reports {
            let last = min(reports, first + batch)
            let (from, to) = (first, last)
            events += try await pool.withConnection { connection in
                try connection.transaction { connection in
                    // The staging rows below give the transaction its id; it says first that it
                    // will write events, so readers wait for it (schemas/postgres/0044).
                    _ = try connection.query("SELECT hub.enter_event_writing()")
                    try connection.execute("""
                        CREATE TEMP TABLE IF NOT EXISTS bench_events (
                            stream_id text, stream_version bigint, event_id uuid, event_type text, municipality text,
                            data jsonb, metadata jsonb) ON COMMIT DELETE ROWS
                        """)
                    let generate: PGQuery = """
                        INSERT INTO bench_events
                        WITH towns(n, code, name, latitude, longitude, postcode, streets, party_id, party_name) AS (\(unescaped: towns)),
                             categories(n, code, text) AS (\(unescaped: categories)),
                             reports AS (
                                SELECT i, gen_random_uuid() AS id, t.code AS municipality, c.code AS category,
                                       c.text || ' (melding ' || i || ')' AS description,
                                       t.latitude + (random() - 0.5) * 0.06 AS latitude,
                                       t.longitude + (random() - 0.5) * 0.09 AS longitude,
                                       t.streets[1 + floor(random() * cardinality(t.streets))::int] || ' '
                                           || (1 + floor(random() * 150)::int) || ', ' || t.name AS address,
                                       (t.postcode + i % 40) || ' ' || chr(65 + i % 26) || chr(65 + (i / 26) % 26) AS postcode,
                                       t.party_id, t.party_name,
                                       timestamptz '2026-01-05 08:00:00+00' + i * interval '13 seconds' AS submitted
                                  FROM generate_series(\(from)::int, \(to - 1)::int) AS i
                                  JOIN towns t ON t.n = i % 5
                                  JOIN categories c ON c.n = i % 6),
                             moments AS (
                                SELECT r.*, to_char(submitted AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at1,
                                       to_char((submitted + interval '2 hours') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at2,
                                       to_char((submitted + interval '2 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at3,
                                       to_char((submitted + interval '5 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS due
                                  FROM reports r)
                        SELECT 'report-' || m.id, v, gen_random_uuid(), e.type, m.municipality, e.data, e.metadata
                          FROM moments m
                         CROSS JOIN generate_series(1, 3) AS v
                         CROSS JOIN LATERAL (
                            SELECT CASE WHEN v = 1 THEN 'ReportSubmitted'
                                        WHEN v = 2 THEN (ARRAY['ReportAcknowledged', 'ReportForwarded', 'ReportAssigned', 'ReportAcknowledged'])[1 + m.i % 4]
                                        ELSE (ARRAY['ReportForwarded', 'WorkCompletedByParty', 'StatusUpdated', 'ReportClosed'])[1 + m.i % 4] END AS type) AS k
                         CROSS JOIN LATERAL (
                            SELECT k.type,
                                   CASE k.type
                                   WHEN 'ReportSubmitted' THEN jsonb_build_object(
                                       'report_id', m.id, 'municipality', m.municipality,
                                       'channel', (ARRAY['app', 'web_form', 'phone', 'email'])[1 + m.i % 4],
                                       'category', m.category, 'description', m.description,
                                       'location', jsonb_build_object('latitude', m.latitude, 'longitude', m.longitude,
                                                                      'address', m.address, 'postcode', m.postcode),
                                       'photo_urls', CASE WHEN m.i % 3 = 0 THEN jsonb_build_array('https://example.org/photos/' || m.id || '.jpg')
                                                          ELSE '[]'::jsonb END,
                                       'contact', CASE WHEN m.i % 2 = 0 THEN jsonb_build_object('name', 'Melder ' || m.i,
                                                          'email', 'melder' || m.i || '@example.org', 'phone', NULL) END,
                                       'notification_preference', CASE WHEN m.i % 2 = 0 THEN '{"level": "every_step", "channel": "email"}'::jsonb
                                                                       ELSE '{"level": "none", "channel": null}'::jsonb END,
                                       'urgency', (ARRAY['normal', 'normal', 'normal', 'high', 'urgent'])[1 + m.i % 5],
                                       'external_reference', jsonb_build_object('system', 'verbeterdebuurt', 'id', 'VDB-' || m.i),
                                       'submitted_at', m.at1, 'expected_acknowledgement_by', m.at2, 'expected_resolution_by', m.due)
                                   WHEN 'ReportAcknowledged' THEN jsonb_build_object('report_id', m.id, 'occurred_at', m.at2)
                                   WHEN 'ReportForwarded' THEN jsonb_build_object('report_id', m.id, 'occurred_at', CASE WHEN v = 2 THEN m.at2 ELSE m.at3 END,
                                       'party', jsonb_build_object('id', m.party_id, 'display_name', m.party_name, 'has_processing_agreement', false))
                                   WHEN 'ReportAssigned' THEN jsonb_build_object('report_id', m.id, 'occurred_at', m.at2,
                                       'department', jsonb_build_object('code', 'wegen', 'name', 'Wegen en groen'))
                                   WHEN 'WorkCompletedByParty' THEN jsonb_build_object('report_id', m.id, 'occurred_at', m.at3,
                                       'party_id', m.party_id, 'photo_url', 'https://example.org/fixed/' || m.id || '.jpg',
                                       'note', 'Opgelost en gecontroleerd')
                                   WHEN 'StatusUpdated' THEN jsonb_build_object('report_id', m.id, 'occurred_at', m.at3,
                                       'public_note', 'We gaan er deze week mee aan de slag.', 'internal_note', 'Materiaal besteld bij de leverancier.',
                                       'work_started', false, 'updated_by', '{"kind": "municipality_user", "id": "backoffice-1"}'::jsonb)
                                   ELSE jsonb_build_object('report_id', m.id, 'occurred_at', m.at3, 'reason', 'no_further_action',
                                       'public_note', 'Dit valt niet onder de taken van de gemeente.', 'internal_note', NULL)
                                   END AS data,
                                   CASE WHEN v = 1 THEN jsonb_build_object('actor', 'adapter:verbeterdebuurt',
                                            'external_ids', jsonb_build_object('verbeterdebuurt', 'VDB-' || m.i),
                                            'reporter_token_sha256', encode(sha256(convert_to(m.id::text, 'UTF8')), 'hex'))
                                        ELSE jsonb_build_object('actor', CASE WHEN k.type = 'WorkCompletedByParty' THEN 'party:' || m.party_id ELSE 'system:routing' END,
                                            'external_ids', jsonb_build_object('melddesk', 'Z-' || m.i)) END AS metadata) AS e
                        """
                    try connection.query(generate)
                    var stored = 0
                    for version in 1...3 {
                        let chain = version == 1 ? "''::bytea" : "p.hash"
                        let join = version == 1 ? "" : "JOIN hub.events p ON p.stream_id = b.stream_id AND p.stream_version = \(version - 1)"
                        let insert = try connection.query(PGQuery(sql: """
                            INSERT INTO hub.events (event_id, stream_id, stream_version, event_type, schema_version, municipality,
                                                    data, metadata, recorded_at, hash)
                            SELECT b.event_id, b.stream_id, b.stream_version, b.event_type, 1, b.municipality, b.data, b.metadata, now(),
                                   sha256(\(chain) || hub.event_digest_input(b.event_id, b.stream_id, b.stream_version, b.event_type, 1,
                                                                            b.municipality, b.data, b.metadata, now()))
                              FROM bench_events b \(join)
                             WHERE b.stream_version = \(version)
                            """))
                        stored += insert.affectedRows
                    }
                    return stored
                }
            }
            first = last
            if isatty(STDOUT_FILENO) == 1 {
                BenchOutput.show("\rgenerating… \(first) / \(reports) reports", terminator: "")
            }
        }
        if isatty(STDOUT_FILENO) == 1 { BenchOutput.show("") }
        try await pool.withConnection { try $0.execute("ANALYZE hub.events") }
        await pool.close()
        return events
    }

    /// Every column of every event through a cursor, in one snapshot, touching nothing: what
    /// reading the log costs before anything is done with it.
    private func rawRead(_ pool: PGPool) async throws -> (events: Int, seconds: Double) {
        let started = ContinuousClock.now
        let events = try await pool.withConnection { connection in
            try connection.transaction(.readOnlySnapshot) { connection in
                try connection.execute("DECLARE raw_events NO SCROLL CURSOR FOR SELECT * FROM hub.events")
                var count = 0
                while true {
                    let page = try connection.query("FETCH 4000 FROM raw_events")
                    if page.rowCount == 0 { break }
                    count += page.rowCount
                }
                return count
            }
        }
        return (events, seconds(ContinuousClock.now - started))
    }

    private func time(
        _ queries: ReportQueries, _ search: (Int) -> ReportSearch
    ) async throws -> (p50: Double, p99: Double, hits: Double) {
        var latencies: [Double] = []
        var hits = 0
        for index in 0..<(self.queries + 20) {
            let request = search(index)
            let started = ContinuousClock.now
            let page = try await queries.search(request)
            // The first few warm the connections and the caches.
            if index >= 20 {
                latencies.append(seconds(ContinuousClock.now - started) * 1000)
                hits += page.items.count
            }
        }
        latencies.sort()
        return (latencies[latencies.count / 2], latencies[min(latencies.count - 1, latencies.count * 99 / 100)], Double(hits) / Double(self.queries))
    }

    private static func townsSQL() -> String {
        towns.enumerated().map { index, town in
            let streets = town.streets.map { "'\($0.replacingOccurrences(of: "'", with: "''"))'" }.joined(separator: ", ")
            return "SELECT \(index), '\(town.code)', '\(town.name)', \(town.latitude)::float8, \(town.longitude)::float8, \(town.postcode), "
                + "ARRAY[\(streets)], '\(town.party.id)', '\(town.party.name)'"
        }.joined(separator: " UNION ALL ")
    }

    private static func categoriesSQL() -> String {
        categories.enumerated().map { index, category in
            "SELECT \(index), '\(category.code)', '\(category.text.replacingOccurrences(of: "'", with: "''"))'"
        }.joined(separator: " UNION ALL ")
    }

    private func median(_ runs: [(events: Int, seconds: Double)]) -> (events: Int, seconds: Double) {
        runs.sorted { Double($0.events) / $0.seconds < Double($1.events) / $1.seconds }[runs.count / 2]
    }

    private func rate(_ run: (events: Int, seconds: Double)) -> String {
        String(format: "%.0f", Double(run.events) / run.seconds)
    }

    private func row(_ columns: String...) -> String {
        let widths = [38, 10, 10, 11, 8]
        return zip(columns, widths).map { text, width in
            text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
        }.joined()
    }
}

private func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
