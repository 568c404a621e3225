import Foundation
import HTTPTypes
import HubServer
import HummingbirdTesting
import Testing

@Suite("The status page, health and metrics")
struct StatusPageAndOperationsTests {
    @Test("The status page shows the public status and timeline, never personal data; Rotterdam needs the reporter's link")
    func statusPage() async throws {
        try await TestHub.run { _, client in
            let created = try await client.call(.post, "/api/v1/reports", json: submissionJSON())
            let id = try #require((created.json["report"] as? [String: Any])?["id"] as? String)
            _ = try await client.call(.post, "/api/v1/reports/\(id)/done", key: .wasteCollector, json: #"{"photo_url": "https://example.org/fixed.jpg", "note": "Nieuw scharnier."}"#)
            let page = try await client.call(.get, "/status/\(id)")
            #expect(page.status == .ok)
            #expect(page.contentType == "text/html; charset=utf-8")
            #expect(page.text.contains("Opgelost"))
            #expect(page.text.contains("https://example.org/fixed.jpg"))
            #expect(page.text.contains("Nieuw scharnier."))
            #expect(!page.text.contains("Johan") && !page.text.contains("johan@example.nl"))
            #expect(try await client.call(.get, "/status/not-a-number").status == .notFound)

            let rotterdam = try await client.call(.post, "/api/v1/reports", json: submissionJSON(municipality: "GM0599", category: "weg.gat"))
            let rotterdamID = try #require((rotterdam.json["report"] as? [String: Any])?["id"] as? String)
            let token = try #require(rotterdam.json["reporter_token"] as? String)
            #expect(try await client.call(.get, "/status/\(rotterdamID)").status == .unauthorized)
            #expect(try await client.call(.get, "/api/v1/reports/\(rotterdamID)").status == .unauthorized)
            #expect(try await client.call(.get, "/status/\(rotterdamID)?token=\(token)").status == .ok)
        }
    }

    @Test("Health is ready with a current schema; metrics are Prometheus text")
    func operations() async throws {
        try await TestHub.run { _, client in
            let ready = try await client.call(.get, "/health/ready")
            #expect(ready.status == .ok, "\(ready.text)")
            #expect(ready.json["migrations"] as? String == "ok")
            #expect(try await client.call(.get, "/health/live").status == .ok)
            _ = try await client.call(.post, "/api/v1/reports", json: submissionJSON())
            let metrics = try await client.call(.get, "/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.contentType.hasPrefix("text/plain"))
            #expect(metrics.text.contains("hub_events_appended_total"), "appends")
            #expect(metrics.text.contains("http_server_request_duration"), "request latencies")
            #expect(metrics.text.contains("hb_requests"), "requests")
            #expect(metrics.text.contains("hub_projection_events_total"), "the projector")
        }
    }
}
