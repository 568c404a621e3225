import Adapters
import Delivery
import Foundation
import HubConfig
import ReportDomain
import Reports
import HTTPTypes
import Testing

@Suite("The adapter files as delivery targets", .serialized)
struct AdapterTargetTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The demo's configuration and adapters, with the demo's published secrets.
    static func targets() throws -> [DeliveryTarget] {
        let configuration = try HubConfiguration.load(path: repository.appendingPathComponent("deploy/hub.yaml").path)
        let secrets = try String(contentsOf: repository.appendingPathComponent("deploy/demo.env"), encoding: .utf8)
        var environment: [String: String] = [:]
        for line in secrets.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { environment[String(parts[0])] = String(parts[1]) }
        }
        let catalog = try AdapterCatalog.load(
            directory: repository.appendingPathComponent("adapters").path, configuration: configuration, environment: environment)
        return try catalog.adapters.compactMap { try DeliveryTarget(adapter: $0, configuration: configuration) }
    }

    @Test("Lichtpunt gets only the lighting reports forwarded to it, as work orders in its own JSON, with the reporter's contact (it has an agreement)")
    func lichtpuntWorkOrders() async throws {
        var lichtpunt = try #require(try Self.targets().first { $0.name == "lichtpunt" })
        let harness = try await DeliveryHarness()
        // Lichtpunt answers a work order with its own number.
        let receiver = try await Receiver { _, _ in
            Receiver.Answer(status: .created, headers: ["Content-Type": "application/json"], body: #"{"werkorder": {"id": "WO-2026-118"}}"#)
        }
        lichtpunt.endpoint.url = receiver.url
        let running = harness.start([lichtpunt])
        let party = try Party(id: "lichtpunt", displayName: "de verlichtingsaannemer", hasProcessingAgreement: true)
        let lamp = try await harness.submit(category: "verlichting.lantaarnpaal")
        try await harness.act(lamp, .system(name: "routing"), .forward(party))
        let waste = try await harness.submit(category: "afval.container")
        try await harness.act(waste, .system(name: "routing"), .forward(DeliveryHarness.contractor))
        let requests = try await receiver.waitFor(1)
        try await harness.waitUntil(
            "SELECT count(*) FROM hub.events WHERE event_type = 'ExternalIDLinked' AND data->>'external_id' = 'WO-2026-118'", is: 1)
        try await Task.sleep(for: .milliseconds(300))
        try await running.stop()

        // The card index: the report now knows Lichtpunt's number for it.
        let (state, _) = try await harness.handler.load(lamp)
        #expect(state?.externalID(in: "lichtpunt") == "WO-2026-118")
        // Only the work order went out: the link is not a lighting event Lichtpunt subscribes to.
        #expect(receiver.received.count == 1)
        let order = requests[0].json
        #expect(requests[0].headers["content-type"] == "application/json")
        #expect(order["soort"] as? String == "werkorder.nieuw")
        #expect(order["melding_id"] as? String == lamp.description)
        #expect(order["categorie"] as? String == "LP-STORING")
        #expect((order["melder"] as? [String: Any])?["email"] as? String == "johan@example.nl")
        #expect(requests[0].headers["webhook-signature"]?.hasPrefix("v1,") == true)
        await receiver.stop()
        await harness.close()
    }

    @Test("The waste collector has no processing agreement: its work orders carry no personal data")
    func wasteCollectorWithoutPersonalData() async throws {
        var collector = try #require(try Self.targets().first { $0.name == "afval-twente" })
        let harness = try await DeliveryHarness()
        let receiver = try await Receiver()
        collector.endpoint.url = receiver.url
        let running = harness.start([collector])
        let waste = try await harness.submit(category: "afval.container")
        try await harness.act(waste, .system(name: "routing"), .forward(DeliveryHarness.contractor))
        let requests = try await receiver.waitFor(1)
        try await running.stop()
        let text = String(decoding: requests[0].body, as: UTF8.self)
        #expect(text.contains(waste.description))
        #expect(!text.contains("johan"))
        #expect(!text.contains("06 12345678"))
        await receiver.stop()
        await harness.close()
    }
}
