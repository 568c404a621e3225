import Foundation
import HTTPTypes
import HubServer
import HummingbirdTesting
import Testing

@Suite("The events feed: CloudEvents, scoped to the caller")
struct EventFeedTests {
    @Test("Operators read every event as CloudEvents with the stream version as sequence; the public may not")
    func cloudEvents() async throws {
        try await TestHub.run { hub, client in
            let created = try await client.call(.post, "/api/v1/reports", json: submissionJSON())
            let id = try #require((created.json["report"] as? [String: Any])?["id"] as? String)
            #expect(try await client.call(.get, "/api/v1/events").status == .unauthorized)
            #expect(try await client.call(.get, "/api/v1/events", key: .app).status == .forbidden)
            let page = try await client.call(.get, "/api/v1/events?after=0&limit=10", key: .admin)
            #expect(page.status == .ok)
            #expect(page.contentType == "application/cloudevents-batch+json")
            let events = page.array
            #expect(events.count == 2)
            #expect(events.map { $0["specversion"] as? String } == ["1.0", "1.0"])
            #expect(events.map { $0["sequence"] as? String } == ["1", "2"])
            #expect(events.map { $0["subject"] as? String } == [id, id])
            #expect(events.first?["type"] as? String == "nl.meldingenhub.report.ReportSubmitted.v1")
            #expect((events.first?["source"] as? String)?.hasSuffix("/municipalities/GM0153") == true)
            #expect((events.first?["data"] as? [String: Any])?["report_id"] as? String == id)
            let last = try #require(events.last?["position"] as? String)
            let rest = try await client.call(.get, "/api/v1/events?after=\(last)", key: .admin)
            #expect(rest.array.isEmpty)
            let badCursor = try await client.call(.get, "/api/v1/events?after=999999", key: .admin)
            #expect(badCursor.status == .badRequest)
        }
    }

    @Test("The live stream sends the same CloudEvents as Server-Sent Events, resuming after Last-Event-ID")
    func serverSentEvents() async throws {
        try await TestHub.run { _, client in
            let created = try await client.call(.post, "/api/v1/reports", json: submissionJSON())
            let id = try #require((created.json["report"] as? [String: Any])?["id"] as? String)
            let stream = try await client.call(.get, "/api/v1/events/stream?limit=2", key: .admin)
            #expect(stream.status == .ok)
            #expect(stream.contentType == "text/event-stream")
            let messages = stream.text.components(separatedBy: "\n\n").filter { !$0.isEmpty }
            #expect(messages.count == 2)
            #expect(messages.first?.hasPrefix("id: ") == true)
            #expect(messages.first?.contains("event: nl.meldingenhub.report.ReportSubmitted.v1") == true)
            #expect(messages.allSatisfy { $0.contains("\"subject\":\"\(id)\"") })
            let firstID = try #require(messages.first?.split(separator: "\n").first?.dropFirst(4))
            let resumed = try await client.call(
                .get, "/api/v1/events/stream?limit=1", key: .admin, headers: [HTTPField.Name("Last-Event-ID")!: String(firstID)])
            #expect(resumed.text.contains("event: nl.meldingenhub.report.ReportForwarded.v1"))
        }
    }

    @Test("A party reads only its reports' events, without personal data when it has no processing agreement")
    func partyScope() async throws {
        try await TestHub.run { hub, client in
            let waste = try await client.call(.post, "/api/v1/reports", json: submissionJSON())
            let wasteID = try #require((waste.json["report"] as? [String: Any])?["id"] as? String)
            let light = try await client.call(.post, "/api/v1/reports", json: submissionJSON(category: "verlichting.lantaarnpaal"))
            let lightID = try #require((light.json["report"] as? [String: Any])?["id"] as? String)
            let collector = try await client.call(.get, "/api/v1/events", key: .wasteCollector)
            #expect(Set(collector.array.compactMap { $0["subject"] as? String }) == [wasteID])
            #expect(!collector.text.contains("johan@example.nl"))
            #expect(collector.text.contains("Hengelosestraat"))
            let lighting = try await client.call(.get, "/api/v1/events", key: .lighting)
            #expect(Set(lighting.array.compactMap { $0["subject"] as? String }) == [lightID])
            #expect(lighting.text.contains("johan@example.nl"), "lichtpunt has a processing agreement")
            let rotterdam = try await client.call(.get, "/api/v1/events", key: .kccRotterdam)
            #expect(rotterdam.array.isEmpty)
        }
    }
}
