import Foundation
import HTTPTypes
import HubServer
import HummingbirdTesting
import Testing

@Suite("Open311 GeoReport v2 with the updates extension")
struct Open311RouteTests {
    static let form = "application/x-www-form-urlencoded"

    static func submit(_ client: any TestClientProtocolAlias, extra: String = "") async throws -> TestAnswer {
        try await client.call(
            .post, "/open311/v2/requests.json", body: "api_key=hub_demo_app&jurisdiction_id=GM0153&service_code=afval.container&lat=52.2215&long=6.8937&address_string=Hengelosestraat+12&description=Deksel+kapot&email=johan%40example.nl&attribute%5Bcontainer_type%5D=ondergronds\(extra)",
            contentType: form)
    }

    @Test("Discovery, services and service definitions in XML and JSON with the spec's content types")
    func discoveryAndServices() async throws {
        try await TestHub.run { _, client in
            let xml = try await client.call(.get, "/open311/v2/services.xml?jurisdiction_id=GM0153")
            #expect(xml.status == .ok)
            #expect(xml.contentType == "text/xml; charset=utf-8")
            #expect(xml.text.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>"))
            #expect(xml.text.contains("<service_code>afval.container</service_code>"))
            let json = try await client.call(.get, "/open311/v2/services.json?jurisdiction_id=GM0153")
            #expect(json.contentType == "application/json; charset=utf-8")
            #expect(json.array.compactMap { $0["service_code"] as? String } == ["afval.container", "verlichting.lantaarnpaal", "weg.gat", "idee.buurt"])
            #expect(json.array.first?["metadata"] as? Bool == true)
            let definition = try await client.call(.get, "/open311/v2/services/afval.container.json?jurisdiction_id=GM0153")
            #expect(definition.status == .ok)
            #expect(definition.text.contains("container_type"))
            let discovery = try await client.call(.get, "/open311/discovery.json")
            #expect(discovery.text.contains("http://wiki.open311.org/GeoReport_v2"))
            let unknown = try await client.call(.get, "/open311/v2/services.json?jurisdiction_id=GM9999")
            #expect(unknown.status == .notFound)
            #expect(unknown.array.first?["code"] as? Int == 404)
            let ambiguous = try await client.call(.get, "/open311/v2/services.xml")
            #expect(ambiguous.status == .badRequest)
            #expect(ambiguous.text.contains("<errors><error><code>400</code>"))
        }
    }

    @Test("POST /requests with api_key gives an id; GET /requests/{id} shows it as an array; status open until closed")
    func requests() async throws {
        try await TestHub.run { hub, client in
            let created = try await Self.submit(client)
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(created.array.first?["service_request_id"] as? String)
            let one = try await client.call(.get, "/open311/v2/requests/\(id).json?jurisdiction_id=GM0153")
            #expect(one.status == .ok)
            #expect(one.array.count == 1)
            #expect(one.array.first?["status"] as? String == "open")
            #expect(one.array.first?["service_code"] as? String == "afval.container")
            #expect(!one.text.contains("johan@example.nl"))
            let list = try await client.call(.get, "/open311/v2/requests.xml?jurisdiction_id=GM0153&status=open")
            #expect(list.text.contains("<service_request_id>\(id)</service_request_id>"))
            let closedOnly = try await client.call(.get, "/open311/v2/requests.json?jurisdiction_id=GM0153&status=closed")
            #expect(closedOnly.array.isEmpty)
            let token = try await client.call(.get, "/open311/v2/tokens/\(id).json?jurisdiction_id=GM0153")
            #expect(token.array.first?["service_request_id"] as? String == id)

            let noKey = try await client.call(.post, "/open311/v2/requests.json", body: "jurisdiction_id=GM0153&service_code=weg.gat&lat=52&long=6", contentType: Self.form)
            #expect(noKey.status == .forbidden)
            #expect(noKey.array.first?["code"] as? Int == 403)
            let badLat = try await client.call(.post, "/open311/v2/requests.json", body: "api_key=hub_demo_app&jurisdiction_id=GM0153&service_code=weg.gat&lat=95&long=6", contentType: Self.form)
            #expect(badLat.status == .badRequest)
            let badService = try await client.call(.post, "/open311/v2/requests.xml", body: "api_key=hub_demo_app&jurisdiction_id=GM0153&service_code=vuurwerk&lat=52&long=6", contentType: Self.form)
            #expect(badService.status == .notFound)
            #expect(badService.text.contains("<errors>"))
            #expect(try await hub.eventCount() == 2)
        }
    }

    @Test("Updates: a party's FIXED is its work done, not closed; update_id is idempotent; GET lists public updates")
    func updates() async throws {
        try await TestHub.run { hub, client in
            let created = try await Self.submit(client)
            let id = try #require(created.array.first?["service_request_id"] as? String)
            let body = "api_key=hub_demo_afval_twente&service_request_id=\(id)&update_id=vendor-1&status=FIXED&updated_datetime=2030-01-01T10:00:00%2B01:00&description=Deksel+vervangen&media_url=https%3A%2F%2Fexample.org%2Ffix.jpg"
            let posted = try await client.call(.post, "/open311/v2/servicerequestupdates.json", body: body, contentType: Self.form)
            #expect(posted.status == .ok, "\(posted.text)")
            let updateID = try #require(posted.array.first?["update_id"] as? String)
            let count = try await hub.eventCount()
            let again = try await client.call(.post, "/open311/v2/servicerequestupdates.json", body: body, contentType: Self.form)
            #expect(again.array.first?["update_id"] as? String == updateID)
            #expect(try await hub.eventCount() == count, "a re-posted update_id applies once")
            let stale = body.replacingOccurrences(of: "vendor-1", with: "vendor-0").replacingOccurrences(of: "2030-01-01", with: "2029-01-01")
                .replacingOccurrences(of: "status=FIXED", with: "status=REOPEN")
            #expect(try await client.call(.post, "/open311/v2/servicerequestupdates.json", body: stale, contentType: Self.form).status == .ok)
            #expect(try await hub.eventCount() == count, "an older update never overwrites newer state")

            let report = try await client.call(.get, "/open311/v2/requests/\(id).json?jurisdiction_id=GM0153")
            #expect(report.array.first?["status"] as? String == "open", "done by the contractor is not closed under Enschede's policy")
            let list = try await client.call(.get, "/open311/v2/servicerequestupdates.json?jurisdiction_id=GM0153")
            #expect(list.status == .ok, "\(list.text)")
            #expect(list.array.contains { $0["status"] as? String == "fixed" && $0["service_request_id"] as? String == id })
            let badStatus = try await client.call(.post, "/open311/v2/servicerequestupdates.json", body: body.replacingOccurrences(of: "FIXED", with: "TELEPORTED"), contentType: Self.form)
            #expect(badStatus.status == .badRequest)
            let publicKey = try await client.call(.post, "/open311/v2/servicerequestupdates.json", body: body.replacingOccurrences(of: "hub_demo_afval_twente", with: "hub_demo_app"), contentType: Self.form)
            #expect(publicKey.status == .forbidden)
        }
    }
}

typealias TestClientProtocolAlias = TestClientProtocol
