import Adapters
import ArgumentParser
import Curl
import EventLog
import FieldSystems
import Foundation
import HubServer
import Logging
import Metrics
import Prometheus
import ServiceLifecycle
import Synchronization
import UnixSignals
import Webhooks

/// The newcomer's first look: the whole hub on the embedded PostgreSQL with the adapter files of
/// adapters/, the simulated systems they connect (a reporting app, the case system, two
/// contractors), and the waste-container story of DOMAIN.md played through them, printed as a
/// timeline of who told whom what, in each system's own words. Then the hub keeps running.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the hub with simulated systems, play the waste-container story as a timeline, and keep running.",
        discussion: """
            Uses deploy/hub.yaml (or HUB_CONFIG), the adapter files of adapters/ (or HUB_ADAPTERS_DIR) pointed \
            at simulators on 127.0.0.1, and the demo secrets of deploy/demo.env for any HUB_ADAPTER_… variable \
            that is not set. Stop it with Ctrl-C (SIGINT) or SIGTERM.
            """)

    @Option(help: "The hub's port.")
    var port = 8080

    @Flag(help: "Stop after the story instead of keeping the hub running.")
    var exit = false

    func run() async throws {
        Hub.bootstrapLogging(defaultLevel: .warning)
        let logger = Logger(label: "hub.demo")
        var environment = ProcessInfo.processInfo.environment
        let root = try SchemaDirectory.locate(environment: environment).deletingLastPathComponent()
        for (name, value) in (try? EnvironmentFile.values(at: root.appendingPathComponent("deploy/demo.env"))) ?? [:] where environment[name] == nil {
            environment[name] = value
        }
        let configuration = try ConfigurationFile.load(environment: environment)
        let catalog = try AdapterCatalog.load(
            directory: try AdaptersCommand.directory(environment: environment), configuration: configuration, environment: environment)
        var secrets: [String: WebhookSecret] = [:]
        for adapter in catalog.adapters {
            if let secret = adapter.outbound?.secret ?? adapter.inbound?.secret {
                secrets[adapter.name.rawValue] = try WebhookSecret(secret.value)
            }
        }

        let printer = TimelinePrinter()
        let client = OutboundHTTPClient(logger: logger)
        let stage = try FieldStage(
            secrets: secrets, appKey: "hub_demo_app", open311APIKey: environment[FieldStage.open311KeyVariable] ?? "", client: client,
            timeline: Timeline { printer.print($0) })
        let simulators = ServiceGroup(configuration: .init(services: stage.services(logger: logger).map { .init(service: $0) }, logger: logger))
        let simulatorsRunning = Task { try await simulators.run() }
        let addresses = try await stage.baseURLs()

        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let database = try await HubDatabase.open(logger: logger)
        let bound = Mutex<Int?>(nil)
        let hub = try HubAssembly(
            configuration: configuration, adapters: catalog.redirected(addresses), database: database.runtime, host: "127.0.0.1",
            port: port, metrics: registry, logger: logger
        ) { port in bound.withLock { $0 = port } }
        let group = ServiceGroup(
            configuration: .init(
                services: hub.services.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        let failure = Mutex<String?>(nil)
        let hubRunning = Task {
            do {
                try await group.run()
            } catch {
                failure.withLock { $0 = "\(error)" }
                throw error
            }
        }
        func stopAll() async {
            await group.triggerGracefulShutdown()
            _ = try? await hubRunning.value
            await simulators.triggerGracefulShutdown()
            _ = try? await simulatorsRunning.value
            await client.shutdown()
            await database.close()
        }
        do {
            let started = ContinuousClock.now
            while bound.withLock({ $0 }) == nil {
                if let failure = failure.withLock({ $0 }) {
                    throw HubDidNotStart(waitingFor: "the hub on port \(port), which stopped: \(failure)")
                }
                guard ContinuousClock.now < started + .seconds(30) else {
                    throw HubDidNotStart(waitingFor: "the hub to listen on port \(port) (is another program using it? try --port)")
                }
                try await Task.sleep(for: .milliseconds(20))
            }
            let base = "http://127.0.0.1:\(bound.withLock { $0 }!)"
            stage.hub.connect(to: base)
            print("""

                Meldingen hub — demo on the \(database.summary), hub at \(base)
                Connected (adapters/): \(catalog.adapters.map(\.displayName).joined(separator: ", ")),
                each played by a simulator on 127.0.0.1 that speaks its own format and vocabulary.

                """)
            let report = try await DemoStory(stage: stage, printer: printer).play()
            print("""

                \(exit ? "With --exit the hub stops now; without it, it keeps running and you can try" : "The hub keeps running (Ctrl-C stops it). Try"):
                  API          \(base)/api/v1/reports?address=Hengelosestraat   (Authorization: Bearer hub_demo_kcc_enschede)
                  Open311      \(base)/open311/v2/services.json  ·  \(base)/open311/discovery.json
                  status page  \(base)/status/\(report)  ·  metrics \(base)/metrics
                  simulators   \(addresses.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "  ·  "))
                """)
            if !exit {
                try await hubRunning.value
            }
        } catch {
            await stopAll()
            throw error
        }
        await stopAll()
    }

    /// The demo could not go on: the hub did not start.
    struct HubDidNotStart: Error, CustomStringConvertible {
        var waitingFor: String
        var description: String { "the demo stopped: waited for \(waitingFor) (run with HUB_LOG_LEVEL=info to see why)" }
    }
}
