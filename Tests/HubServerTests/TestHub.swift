import EventLog
import Adapters
import Foundation
import HTTPTypes
import HubConfig
import HubServer
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Logging
import Metrics
import Postgres
import Projections
import Prometheus
import ReportDomain
import Testing

/// One hub for a test: a fresh migrated database, the demo configuration, the projector running,
/// and the application driven without a socket (or on a real one, for Chromium).
struct TestHub {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let configuration = try! HubConfiguration.load(path: repository.appendingPathComponent("deploy/hub.yaml").path)

    /// The demo keys (deploy/hub.yaml publishes them).
    enum Key: String {
        case admin = "hub_demo_admin"
        case app = "hub_demo_app"
        case kccEnschede = "hub_demo_kcc_enschede"
        case kccRotterdam = "hub_demo_kcc_rotterdam"
        case wasteCollector = "hub_demo_afval_twente"
        case lighting = "hub_demo_lichtpunt"
    }

    let dependencies: HubDependencies
    let pool: PGPool

    /// One registry for the whole test process: swift-metrics can be bootstrapped only once.
    static let metrics: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    static func run(
        _ mode: TestingSetup = .router, adapters: AdapterCatalog = AdapterCatalog(adapters: []), _ body: @Sendable (TestHub, any TestClientProtocol) async throws -> Void
    ) async throws {
        let metrics = Self.metrics
        let database = try await TestDatabase.create()
        let pool = database.runtimePool(maxConnections: 8)
        let logger = Logger(label: "test.hub")
        let listener = PGListener(config: database.runtime, channels: [EventStore.channel], logger: logger)
        let store = EventStore(pool: pool, logger: logger)
        let configuration = Self.configuration
        let projector = ReportProjector(store: store, listener: listener, pool: pool, policy: { configuration.policy(for: $0) })
        let migrator = try Migrator(directory: SchemaDirectory.migrations())
        let dependencies = HubDependencies(
            configuration: configuration, pool: pool, store: store, listener: listener, queries: ReportQueries(pool: pool),
            waitUntilProjected: { await projector.waitUntilProjected($0, timeout: $1) },
            metrics: metrics,
            migrationsCurrent: { try await migrator.pending(pool).isEmpty },
            adapters: adapters)
        let hub = TestHub(dependencies: dependencies, pool: pool)
        let app = buildApplication(dependencies, port: 0, services: [listener, projector], logger: logger)
        try await app.test(mode) { client in
            try await body(hub, client)
        }
        await pool.close()
    }

    /// How many events the log holds: bad input must never add one.
    func eventCount() async throws -> Int64 {
        try await pool.query("SELECT count(*) FROM hub.events").decode(Int64.self, row: 0, column: 0)
    }
}

extension TestClientProtocol {
    /// A JSON request with an optional key; returns status, headers and the parsed body.
    @discardableResult
    func call(
        _ method: HTTPRequest.Method, _ uri: String, key: TestHub.Key? = nil, bearer: String? = nil, json: String? = nil,
        body: String? = nil, contentType: String? = nil, headers extra: HTTPFields = [:]
    ) async throws -> TestAnswer {
        var headers = extra
        if let key { headers[.authorization] = "Bearer \(key.rawValue)" }
        if let bearer { headers[.authorization] = "Bearer \(bearer)" }
        if json != nil { headers[.contentType] = "application/json" }
        if let contentType { headers[.contentType] = contentType }
        let payload = json ?? body
        return try await execute(
            uri: uri, method: method, headers: headers,
            body: payload.map { ByteBuffer(string: $0) }
        ) { response in
            TestAnswer(status: response.status, headers: response.headers, text: String(buffer: response.body))
        }
    }
}

/// A response, with its body as text and as JSON.
struct TestAnswer: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let text: String

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    var array: [[String: Any]] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [[String: Any]] ?? []
    }

    var contentType: String { headers[.contentType] ?? "" }
}

/// A report body for POST /api/v1/reports.
func submissionJSON(
    municipality: String = "GM0153", category: String = "afval.container",
    description: String = "Het deksel van de container sluit niet meer.",
    latitude: Double = 52.2215, longitude: Double = 6.8937, address: String = "Hengelosestraat 12, Enschede",
    withContact: Bool = true
) -> String {
    let contact = withContact
        ? #", "contact": {"name": "Johan de Vries", "email": "johan@example.nl", "phone": "06 12345678"}, "notification_preference": {"level": "every_step", "channel": "email"}"#
        : ""
    return """
        {"municipality": "\(municipality)", "category": "\(category)", "description": "\(description)", "channel": "app",
         "location": {"latitude": \(latitude), "longitude": \(longitude), "address": "\(address)", "postcode": "7514 AE"},
         "photo_urls": ["https://example.org/photos/deksel.jpg"]\(contact)}
        """
}
