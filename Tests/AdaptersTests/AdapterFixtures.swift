import Adapters
import Foundation
import HubConfig
import ReportDomain

/// The demo configuration, the example adapter files and reports to try them on.
enum AdapterFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let adaptersFolder = root.appendingPathComponent("adapters").path
    static let configuration: HubConfiguration = {
        do {
            return try HubConfiguration.load(path: root.appendingPathComponent("deploy/hub.yaml").path)
        } catch {
            fatalError("deploy/hub.yaml does not load: \(error)")
        }
    }()

    /// A Standard Webhooks secret: `whsec_` and the base64 of 32 bytes.
    static func secret(_ seed: UInt8) -> String {
        "whsec_" + Data((0..<32).map { seed &+ UInt8($0) }).base64EncodedString()
    }

    static let environment: [String: String] = [
        "HUB_ADAPTER_MELDDESK_ENSCHEDE_SECRET": secret(1),
        "HUB_ADAPTER_LICHTPUNT_SECRET": secret(2),
        "HUB_ADAPTER_AFVAL_TWENTE_SECRET": secret(3),
        "HUB_ADAPTER_VERBETERDEBUURT_SECRET": secret(4),
        "TEST_SECRET": secret(5),
        "HUB_ADAPTER_OPEN311_ROTTERDAM_SECRET": secret(6),
        "HUB_OPEN311_ROTTERDAM_API_KEY": "key-of-rotterdam",
    ]

    static func catalog() throws -> AdapterCatalog {
        try AdapterCatalog.load(directory: adaptersFolder, configuration: configuration, environment: environment)
    }

    static func adapter(_ name: String) throws -> AdapterDefinition {
        guard let adapterName = AdapterName(rawValue: name), let adapter = try catalog()[adapterName] else {
            throw FixtureError("no adapter \(name) in adapters/")
        }
        return adapter
    }

    static let lichtpunt = try! Party(id: "lichtpunt", displayName: "de verlichtingsaannemer", hasProcessingAgreement: true)
    static let afvalTwente = try! Party(id: "afval-twente", displayName: "de afvalinzamelaar", hasProcessingAgreement: false)
    static let start = Date(timeIntervalSince1970: 1_764_000_000)

    /// A report with its events, built by the domain's own decide and evolve.
    struct Story {
        var report: Report
        var events: [ReportEvent]
        let policy: MunicipalityPolicy

        mutating func apply(_ action: ReportAction, by actor: Actor = .system(name: "test"), at offset: TimeInterval) throws {
            let command = ReportCommand(reportID: report.id, actor: actor, issuedAt: start.addingTimeInterval(offset), action: action)
            for event in try Report.decide(command, state: report, policy: policy) {
                events.append(event)
                report = Report.evolve(report, event) ?? report
            }
        }
    }

    static func story(
        municipality: MunicipalityCode = "GM0153", category: CategoryCode = "verlichting.lantaarnpaal",
        contact: ReporterContact? = try! ReporterContact(name: "Johan de Vries", email: "johan@example.nl", phone: "06 12345678"),
        forwardTo party: Party? = nil
    ) throws -> Story {
        let policy = configuration.policy(for: municipality)
        let submission = ReportSubmission(
            municipality: municipality, channel: .app, category: category,
            description: "De lamp brandt niet \"sinds gisteren\"\nen knippert soms",
            location: try Location(latitude: 52.2215, longitude: 6.8937, address: "Oude Markt 1, Enschede", postcode: "7511 GA"),
            photoURLs: ["https://fotos.example/1.jpg", "https://fotos.example/2.jpg"], contact: contact,
            externalReference: try ExternalReference(system: "verbeterdebuurt", id: "VDB-42"))
        let id = ReportID.generate()
        let command = ReportCommand(reportID: id, actor: .reporter, issuedAt: start, action: .submit(submission))
        let events = try Report.decide(command, state: nil, policy: policy)
        var story = Story(report: Report.replay(events)!, events: events, policy: policy)
        if let party {
            try story.apply(.acknowledge, at: 60)
            try story.apply(.forward(party), at: 120)
        }
        return story
    }

    static func envelope(for event: ReportEvent, version: Int) -> OutboundEnvelope {
        OutboundEnvelope(
            eventID: UUID(), eventType: event.eventType, schemaVersion: event.schemaVersion, streamVersion: version,
            position: Int64(version), time: event.occurredAt, municipality: "GM0153")
    }

    struct FixtureError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
