import Adapters
import EventLog
import HubConfig
import Postgres
import Projections
import Prometheus

/// Everything the HTTP face needs, built once by `hub serve` (or a test) and shared by all routes.
public struct HubDependencies: Sendable {
    public var configuration: HubConfiguration
    public var pool: PGPool
    public var store: EventStore
    public var listener: PGListener
    public var queries: ReportQueries
    /// Resolves once the projections have taken in everything up to a point, or after the timeout
    /// (false): how a GET right after a POST sees the POST.
    public var waitUntilProjected: @Sendable (LogPoint, Duration) async -> Bool
    /// Where Prometheus metrics are registered; `/metrics` renders it.
    public var metrics: PrometheusCollectorRegistry
    /// Whether the schema is current, for `/health/ready`.
    public var migrationsCurrent: @Sendable () async throws -> Bool
    /// The connected systems (adapters/): whose webhooks the hub takes.
    public var adapters: AdapterCatalog
    /// Wakes this process's delivery workers after the admin API made deliveries due.
    public var wakeDeliveries: @Sendable () -> Void

    public init(
        configuration: HubConfiguration, pool: PGPool, store: EventStore, listener: PGListener, queries: ReportQueries,
        waitUntilProjected: @escaping @Sendable (LogPoint, Duration) async -> Bool,
        metrics: PrometheusCollectorRegistry, migrationsCurrent: @escaping @Sendable () async throws -> Bool,
        adapters: AdapterCatalog = AdapterCatalog(adapters: []), wakeDeliveries: @escaping @Sendable () -> Void = {}
    ) {
        self.configuration = configuration
        self.pool = pool
        self.store = store
        self.listener = listener
        self.queries = queries
        self.waitUntilProjected = waitUntilProjected
        self.metrics = metrics
        self.migrationsCurrent = migrationsCurrent
        self.adapters = adapters
        self.wakeDeliveries = wakeDeliveries
    }
}
