import Adapters
import Curl
import FieldSystems
import Foundation
import HubConfig
import HubServer
import HubTestSupport
import Logging
import ServiceLifecycle
import Synchronization
import Webhooks

/// The whole hub (`HubAssembly`, as `hub serve` runs it) on a real PostgreSQL, with the adapter
/// files of adapters/ pointed at the simulated systems, all talking real HTTP on 127.0.0.1.
struct FieldHarness: Sendable {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let kccKey = "hub_demo_kcc_enschede"

    let database: TestDatabase
    let stage: FieldStage
    let client: OutboundHTTPClient
    let simulators: ServiceGroup
    let hubGroup: ServiceGroup
    let tasks: [Task<Void, any Error>]

    /// - Parameters:
    ///   - configure: changes to deploy/hub.yaml's text, e.g. switching notifications off.
    ///   - quickRetries: retries after 100 ms and no circuit-breaker pause worth the name, so a
    ///     test about a system that was down does not wait out the production schedule.
    static func start(configure: (String) -> String = { $0 }, quickRetries: Bool = false) async throws -> FieldHarness {
        let yaml = try String(contentsOf: repository.appendingPathComponent("deploy/hub.yaml"), encoding: .utf8)
        let configuration = try HubConfiguration.parse(yaml: configure(yaml), source: "deploy/hub.yaml")
        let environment = try EnvironmentFile.values(at: repository.appendingPathComponent("deploy/demo.env"))
        let secrets = try EnvironmentFile.adapterSecrets(environment).mapValues { try WebhookSecret($0) }
        let logger = Logger(label: "field-tests")
        let client = OutboundHTTPClient()
        let stage = try FieldStage(
            secrets: secrets, appKey: "hub_demo_app", open311APIKey: environment[FieldStage.open311KeyVariable] ?? "", client: client,
            timeline: Timeline())
        let simulators = ServiceGroup(configuration: .init(services: stage.services(logger: logger).map { .init(service: $0) }, logger: logger))
        let simulatorTask = Task { try await simulators.run() }

        var catalog = try AdapterCatalog.load(
            directory: repository.appendingPathComponent("adapters").path, configuration: configuration, environment: environment
        ).redirected(try await stage.baseURLs())
        if quickRetries {
            catalog = AdapterCatalog(adapters: catalog.adapters.map { adapter in
                var quick = adapter
                quick.outbound?.retrySchedule = Array(repeating: .milliseconds(100), count: 50)
                quick.outbound?.circuitBreaker = CircuitBreakerSettings(failures: 1000, pause: .milliseconds(100))
                return quick
            })
        }
        let database = try await TestDatabase.create()
        let port = Mutex<Int?>(nil)
        let hub = try HubAssembly(
            configuration: configuration, adapters: catalog, database: database.runtime, host: "127.0.0.1", port: 0, logger: logger
        ) { bound in port.withLock { $0 = bound } }
        let hubGroup = ServiceGroup(configuration: .init(services: hub.services.map { .init(service: $0) }, logger: logger))
        let hubTask = Task { try await hubGroup.run() }
        let harness = FieldHarness(
            database: database, stage: stage, client: client, simulators: simulators, hubGroup: hubGroup, tasks: [hubTask, simulatorTask])
        try await harness.eventually("the hub listens") { port.withLock { $0 } != nil }
        stage.hub.connect(to: "http://127.0.0.1:\(port.withLock { $0 }!)")
        return harness
    }

    /// Waits until `condition` holds; fails, naming what was awaited and the timeline so far.
    func eventually(_ what: String, timeout: Duration = .seconds(20), _ condition: () async throws -> Bool) async throws {
        try await stage.waitUntil(what, timeout: timeout, condition)
    }

    func stop() async throws {
        await hubGroup.triggerGracefulShutdown()
        try await tasks[0].value
        await simulators.triggerGracefulShutdown()
        try await tasks[1].value
        await client.shutdown()
    }
}
