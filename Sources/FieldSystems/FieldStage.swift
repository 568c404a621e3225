import Curl
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import Webhooks

/// The systems of the demo's story, together: the reporting app, the case system, the two
/// contractors and Rotterdam's Open311 back end, each an HTTP server on 127.0.0.1 speaking its
/// adapter file's format, all writing one timeline. The hub is told where they listen (`baseURLs`); they are told where the hub
/// listens through `hub.connect(to:)`.
public final class FieldStage: Sendable {
    public let timeline: Timeline
    public let hub: HubLink
    public let app: ReportingApp
    public let melddesk: CaseSystem
    public let lichtpunt: Contractor
    public let afvalTwente: Contractor
    public let open311: Open311Backend
    private let ports = Mutex<[String: Int]>([:])
    /// The environment variable with the Open311 back end's `api_key` (deploy/demo.env), which
    /// adapters/open311-rotterdam.yaml reads too.
    public static let open311KeyVariable = "HUB_OPEN311_ROTTERDAM_API_KEY"

    /// - Parameters:
    ///   - secrets: the Standard Webhooks secret of each adapter (by adapter name), as the hub has them.
    ///   - appKey: the reporting app's API key for the hub (role public).
    ///   - open311APIKey: the `api_key` the Open311 back end wants from its clients (the hub).
    public init(secrets: [String: WebhookSecret], appKey: String, open311APIKey: String, client: OutboundHTTPClient, timeline: Timeline) throws {
        func secret(_ adapter: String) throws -> WebhookSecret {
            guard let secret = secrets[adapter] else {
                throw FieldSystemError(system: adapter, status: 0, detail: "no webhook secret for adapter \(adapter)")
            }
            return secret
        }
        self.timeline = timeline
        hub = HubLink(client: client)
        app = ReportingApp(secret: try secret("verbeterdebuurt"), apiKey: appKey, hub: hub, timeline: timeline)
        melddesk = CaseSystem(secret: try secret(CaseSystem.adapter), hub: hub, timeline: timeline)
        lichtpunt = Contractor(.lichtpunt, secret: try secret(ContractorDialect.lichtpunt.adapter), hub: hub, timeline: timeline)
        afvalTwente = Contractor(.afvalTwente, secret: try secret(ContractorDialect.afvalTwente.adapter), hub: hub, timeline: timeline)
        open311 = Open311Backend(apiKey: open311APIKey, timeline: timeline)
    }

    /// The systems by the name of their adapter file.
    public var systems: [(adapter: String, system: any FieldSystem)] {
        [
            ("verbeterdebuurt", app), (CaseSystem.adapter, melddesk), (lichtpunt.dialect.adapter, lichtpunt),
            (afvalTwente.dialect.adapter, afvalTwente), (Open311Backend.adapter, open311),
        ]
    }

    /// Their servers, as services; each records its port when it listens.
    public func services(logger: Logger) -> [any Service] {
        systems.map { adapter, system in
            system.application(logger: logger) { port in self.ports.withLock { $0[adapter] = port } }
        }
    }

    /// Waits until `condition` holds: a delivery is asynchronous, so the story and the tests wait
    /// for what a system shows. Throws `FieldStage.Timeout` naming what was awaited, with the
    /// timeline so far.
    public func waitUntil(_ what: String, timeout: Duration = .seconds(20), _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw Timeout(what: what, timeout: timeout, timeline: timeline.entries.map { "\($0.from) → \($0.to): \($0.text)" })
    }

    public struct Timeout: Error, CustomStringConvertible {
        public var what: String
        public var timeout: Duration
        public var timeline: [String]
        public var description: String {
            "waited \(timeout) for \(what); the timeline so far:\n" + timeline.map { "  " + $0 }.joined(separator: "\n")
        }
    }

    /// Where each system listens (`http://127.0.0.1:PORT`), by adapter name, once all listen.
    public func baseURLs(timeout: Duration = .seconds(10)) async throws -> [String: String] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let known = ports.withLock { $0 }
            if known.count == systems.count {
                return known.mapValues { "http://127.0.0.1:\($0)" }
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw FieldSystemError(system: "field stage", status: 0, detail: "the simulated systems did not start listening within \(timeout)")
    }
}
