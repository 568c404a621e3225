import Foundation
import HTTPTypes
import HubServer
import HummingbirdTesting
import Testing

@Suite("The native API: submit, read your write, views by role, commands")
struct NativeAPITests {
    @Test("A submission is readable at once, and each caller sees the view its role allows")
    func submitAndViews() async throws {
        try await TestHub.run { hub, client in
            let created = try await client.call(.post, "/api/v1/reports", json: submissionJSON())
            #expect(created.status == .created)
            #expect(created.contentType == "application/json")
            let id = try #require((created.json["report"] as? [String: Any])?["id"] as? String)
            let token = try #require(created.json["reporter_token"] as? String)
            #expect(token.hasPrefix("rpt_\(id)_"))
            #expect(created.headers[.location] == "/api/v1/reports/\(id)")
            #expect(created.json["view"] as? String == "reporter")
            // Routing by category forwarded it to the waste collector (deploy/hub.yaml).
            let shown = try #require((created.json["report"] as? [String: Any])?["status"] as? [String: Any])
            #expect(shown["label"] as? String == "Doorgezet naar de afvalinzamelaar")
            #expect(created.text.contains("johan@example.nl"), "the reporter sees what was recorded about him")

            let anonymous = try await client.call(.get, "/api/v1/reports/\(id)")
            #expect(anonymous.status == .ok)
            #expect(anonymous.json["view"] as? String == "public")
            #expect(!anonymous.text.contains("johan@example.nl") && !anonymous.text.contains("Johan"))

            let staff = try await client.call(.get, "/api/v1/reports/\(id)", key: .kccEnschede)
            #expect(staff.json["view"] as? String == "internal")
            #expect(staff.text.contains("johan@example.nl"))

            let collector = try await client.call(.get, "/api/v1/reports/\(id)", key: .wasteCollector)
            #expect(collector.json["view"] as? String == "internal_redacted")
            #expect(!collector.text.contains("johan@example.nl") && !collector.text.contains("06 12345678"))
            #expect(collector.text.contains("Hengelosestraat"), "the party still gets what it needs to do the work")

            let otherParty = try await client.call(.get, "/api/v1/reports/\(id)", key: .lighting)
            #expect(otherParty.status == .notFound)
            let otherMunicipality = try await client.call(.get, "/api/v1/reports/\(id)", key: .kccRotterdam)
            #expect(otherMunicipality.status == .notFound)
            let reporter = try await client.call(.get, "/api/v1/reports/\(id)", bearer: token)
            #expect(reporter.json["view"] as? String == "reporter")
            let forged = try await client.call(.get, "/api/v1/reports/\(id)", bearer: String(token.dropLast(3)) + "abc")
            #expect(forged.status == .unauthorized)
            #expect(try await hub.eventCount() == 2)
        }
    }

    @Test("The story through the API: the party schedules and fixes, the reporter confirms; history keeps internal notes internal")
    func story() async throws {
        try await TestHub.run { hub, client in
            let created = try await client.call(.post, "/api/v1/reports", json: submissionJSON())
            let id = try #require((created.json["report"] as? [String: Any])?["id"] as? String)
            let token = try #require(created.json["reporter_token"] as? String)
            let base = "/api/v1/reports/\(id)"
            // Routing forwarded it at submission; acknowledging a forwarded report is an illegal step.
            #expect(try await client.call(.post, "\(base)/acknowledge", key: .kccEnschede).status == .conflict)
            let note = try await client.call(.post, "\(base)/status", key: .kccEnschede, json: #"{"public_note": "We hebben de inzamelaar gevraagd.", "internal_note": "GEHEIM: contract loopt af"}"#)
            #expect(note.status == .ok)
            let scheduled = try await client.call(.post, "\(base)/schedule", key: .wasteCollector, json: #"{"date": "2030-05-01T09:00:00+02:00"}"#)
            #expect(scheduled.status == .ok)
            let early = try await client.call(.post, "\(base)/confirm", bearer: token)
            #expect(early.status == .conflict)
            #expect(early.contentType == "application/problem+json")
            let done = try await client.call(.post, "\(base)/done", key: .wasteCollector, json: #"{"photo_url": "https://example.org/fixed.jpg", "note": "Nieuw scharnier."}"#)
            #expect(done.status == .ok)
            let publicView = try await client.call(.get, base)
            let status = (publicView.json["report"] as? [String: Any])?["status"] as? [String: Any]
            #expect(status?["kind"] as? String == "resolved")
            #expect(status?["open311"] as? String == "open", "done by the party is not Open311 closed under Enschede's policy")
            #expect(try await client.call(.post, "\(base)/confirm", bearer: token).status == .ok)
            #expect(try await client.call(.post, "\(base)/feedback", bearer: token, json: #"{"score": 5, "text": "Snel!"}"#).status == .ok)

            let history = try await client.call(.get, "\(base)/history")
            #expect(history.status == .ok)
            #expect(history.json["view"] as? String == "public")
            #expect(history.text.contains("We hebben de inzamelaar gevraagd."))
            #expect(!history.text.contains("GEHEIM"))
            #expect(!history.text.contains("johan@example.nl"))
            let internalHistory = try await client.call(.get, "\(base)/history", key: .kccEnschede)
            #expect(internalHistory.text.contains("GEHEIM: contract loopt af"))
            let entries = try #require(internalHistory.json["entries"] as? [[String: Any]])
            #expect(entries.count == (try await hub.eventCount()))
        }
    }

    @Test("Commands need a key or the reporter's token, and only the right actor may act")
    func commandAccess() async throws {
        try await TestHub.run { hub, client in
            let created = try await client.call(.post, "/api/v1/reports", json: submissionJSON(category: "weg.gat", withContact: false))
            let id = try #require((created.json["report"] as? [String: Any])?["id"] as? String)
            #expect(try await client.call(.post, "/api/v1/reports/\(id)/acknowledge").status == .unauthorized)
            #expect(try await client.call(.post, "/api/v1/reports/\(id)/acknowledge", key: .app).status == .unauthorized)
            #expect(try await client.call(.post, "/api/v1/reports/\(id)/acknowledge", key: .wasteCollector).status == .notFound)
            let forward = try await client.call(.post, "/api/v1/reports/\(id)/forward", key: .kccEnschede, json: #"{"party": "nobody"}"#)
            #expect(forward.status == .badRequest)
            #expect(forward.json["code"] as? String == "request.unknown_party")
            let forwarded = try await client.call(.post, "/api/v1/reports/\(id)/forward", key: .kccEnschede, json: #"{"party": "lichtpunt"}"#)
            #expect(forwarded.status == .ok)
            #expect(try await client.call(.get, "/api/v1/reports/\(id)", key: .lighting).json["view"] as? String == "internal")
            let wrongActor = try await client.call(.post, "/api/v1/reports/\(id)/close", key: .lighting, json: #"{"reason": "resolved"}"#)
            #expect(wrongActor.status == .forbidden)
            #expect(try await hub.eventCount() == 2)
        }
    }

    @Test("An idempotency key makes a retried submission return the same report without a second one")
    func idempotentSubmission() async throws {
        try await TestHub.run { hub, client in
            let headers: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "app-request-42"]
            let first = try await client.call(.post, "/api/v1/reports", key: .app, json: submissionJSON(), headers: headers)
            let second = try await client.call(.post, "/api/v1/reports", key: .app, json: submissionJSON(), headers: headers)
            #expect(first.status == .created)
            #expect(second.status == .ok)
            let firstID = (first.json["report"] as? [String: Any])?["id"] as? String
            #expect(firstID != nil && firstID == (second.json["report"] as? [String: Any])?["id"] as? String)
            #expect(try await hub.eventCount() == 2)
        }
    }

    @Test("Search finds by address with a typo, by radius, by number prefix; the public never searches personal data")
    func search() async throws {
        try await TestHub.run { hub, client in
            let near = try await client.call(.post, "/api/v1/reports", json: submissionJSON(address: "Hengelosestraat 12, Enschede"))
            let id = try #require((near.json["report"] as? [String: Any])?["id"] as? String)
            _ = try await client.call(.post, "/api/v1/reports", json: submissionJSON(latitude: 52.2600, longitude: 6.7900, address: "Deurningerstraat 3, Enschede"))
            let typo = try await client.call(.get, "/api/v1/reports?address=Hengelostraat", key: .kccEnschede)
            #expect(typo.status == .ok)
            let typoItems = try #require(typo.json["items"] as? [[String: Any]])
            #expect(typoItems.compactMap { ($0["report"] as? [String: Any])?["id"] as? String } == [id])
            let radius = try await client.call(.get, "/api/v1/reports?near=52.2216,6.8938&radius=200")
            let radiusItems = try #require(radius.json["items"] as? [[String: Any]])
            #expect(radiusItems.count == 1)
            #expect((radiusItems.first?["distance_metres"] as? Double ?? 1000) < 200)
            let prefix = try await client.call(.get, "/api/v1/reports?number=\(id.prefix(8))", key: .kccEnschede)
            #expect((prefix.json["items"] as? [[String: Any]])?.count == 1)
            #expect(try await client.call(.get, "/api/v1/reports?party=afval-twente").status == .forbidden)
            let party = try await client.call(.get, "/api/v1/reports", key: .lighting)
            #expect((party.json["items"] as? [[String: Any]])?.isEmpty == true, "a party sees only reports forwarded to it")
        }
    }
}
