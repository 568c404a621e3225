import ArgumentParser
import Curl
import FieldSystems
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals
import Webhooks

/// Runs the simulated systems of the demo against a running hub, each on its own port, printing
/// the timeline: `field-system --hub http://127.0.0.1:8080`. Point the adapter files' URLs at the
/// ports it prints (or run `hub demo`, which does all of it).
@main
struct FieldSystemCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "field-system",
        abstract: "Run the simulated field systems (Verbeterdebuurt, Melddesk, Lichtpunt, Afval Twente) against a hub.",
        discussion: """
            Secrets come from the adapters' variables (HUB_ADAPTER_<NAME>_SECRET, as in deploy/demo.env); \
            the app's API key from FIELD_SYSTEM_APP_KEY (default: the demo's hub_demo_app).
            """)

    @Option(help: "The hub's base URL.")
    var hub = "http://127.0.0.1:8080"

    @Option(help: "The first port; the systems listen on it and the next three.")
    var port = 9101

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var secrets: [String: WebhookSecret] = [:]
        let given = EnvironmentFile.adapterSecrets(environment)
        for adapter in ["verbeterdebuurt", "melddesk-enschede", "lichtpunt", "afval-twente"] {
            guard let text = given[adapter] else {
                throw ValidationError("the secret of adapter \(adapter) is not set (load deploy/demo.env: set -a; . deploy/demo.env; set +a)")
            }
            secrets[adapter] = try WebhookSecret(text)
        }
        let client = OutboundHTTPClient()
        let timeline = Timeline { entry in
            print("\(entry.at.formatted(.iso8601.time(includingFractionalSeconds: false)))  \(entry.from) → \(entry.to): \(entry.text)")
        }
        guard let open311Key = environment[FieldStage.open311KeyVariable], !open311Key.isEmpty else {
            throw ValidationError("\(FieldStage.open311KeyVariable) is not set (load deploy/demo.env: set -a; . deploy/demo.env; set +a)")
        }
        let stage = try FieldStage(
            secrets: secrets, appKey: environment["FIELD_SYSTEM_APP_KEY"] ?? "hub_demo_app", open311APIKey: open311Key, client: client,
            timeline: timeline)
        stage.hub.connect(to: hub)
        let logger = Logger(label: "field-system")
        let services: [any Service] = stage.systems.enumerated().map { index, entry in
            entry.system.application(port: port + index, logger: logger) { bound in
                print("\(entry.system.displayName) (adapter \(entry.adapter)) listens on http://127.0.0.1:\(bound)")
            }
        }
        let group = ServiceGroup(
            configuration: .init(services: services.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        await client.shutdown()
    }
}
