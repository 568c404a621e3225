import Foundation
import HTTPTypes
import HubServer
import HummingbirdTesting
import Postgres
import Testing

@Suite("The admin API for deliveries")
struct AdminAPITests {
    @Test("Only an admin key sees adapters' health and deliveries, redelivers dead letters and enables an endpoint")
    func adminDeliveries() async throws {
        try await TestHub.run { hub, client in
            let created = try await client.call(.post, "/api/v1/reports", json: submissionJSON())
            let id = try #require((created.json["report"] as? [String: Any])?["id"] as? String)
            let event = try await hub.pool.query("SELECT event_id, position FROM hub.events ORDER BY position LIMIT 1")
            let eventID = try event.decode(UUID.self, row: 0, column: 0)
            let position = try event.decode(Int64.self, row: 0, column: 1)
            // Two deliveries of one event, as the scheduler writes them; one went dead.
            _ = try await hub.pool.query("""
                SELECT hub.schedule_deliveries('{melddesk,lichtpunt}', ARRAY[\(eventID), \(eventID)]::uuid[],
                    ARRAY[\(position), \(position)]::bigint[], ARRAY[\(id), \(id)]::uuid[], '{1,1}', '{ReportSubmitted,ReportSubmitted}',
                    '{application/cloudevents+json,application/json}', '{"{}","{}"}')
                """)
            _ = try await hub.pool.query("""
                UPDATE hub.deliveries SET state = 'dead', attempts = 8, last_status = 503, last_error = 'the receiver answered 503'
                 WHERE adapter = 'lichtpunt'
                """)
            _ = try await hub.pool.query("SELECT hub.record_endpoint_outcome('lichtpunt', 0, 1, true, 5, 60)")

            for path in ["/api/v1/admin/adapters", "/api/v1/admin/deliveries"] {
                #expect(try await client.call(.get, path).status == .unauthorized)
                #expect(try await client.call(.get, path, key: .kccEnschede).status == .forbidden)
                #expect(try await client.call(.get, path, key: .lighting).status == .forbidden)
            }
            #expect(try await client.call(.post, "/api/v1/admin/adapters/lichtpunt/enable", key: .kccEnschede).status == .forbidden)

            let health = try await client.call(.get, "/api/v1/admin/adapters", key: .admin)
            #expect(health.status == .ok)
            let adapters = try #require(health.json["adapters"] as? [[String: Any]])
            #expect(adapters.map { $0["adapter"] as? String } == ["lichtpunt", "melddesk"])
            #expect(adapters[0]["dead"] as? Int == 1)
            #expect(adapters[0]["disabled_reason"] as? String == "the receiver answered 410 Gone")
            #expect(adapters[1]["pending"] as? Int == 1)

            let dead = try await client.call(.get, "/api/v1/admin/deliveries?state=dead", key: .admin)
            let deliveries = try #require(dead.json["deliveries"] as? [[String: Any]])
            #expect(deliveries.count == 1)
            #expect(deliveries.first?["adapter"] as? String == "lichtpunt")
            #expect(deliveries.first?["report_id"] as? String == id)
            #expect(deliveries.first?["last_status"] as? Int == 503)
            let deadID = try #require(deliveries.first?["id"] as? Int)
            #expect(try await client.call(.get, "/api/v1/admin/deliveries?state=lost", key: .admin).status == .badRequest)
            #expect(try await client.call(.get, "/api/v1/admin/deliveries?report_id=nope", key: .admin).status == .badRequest)

            let redelivered = try await client.call(.post, "/api/v1/admin/deliveries/\(deadID)/redeliver", key: .admin)
            #expect(redelivered.status == .accepted)
            #expect(redelivered.json["redelivered"] as? Int == 1)
            // Pending now: not dead, so not again.
            #expect(try await client.call(.post, "/api/v1/admin/deliveries/\(deadID)/redeliver", key: .admin).status == .notFound)
            #expect(try await client.call(.post, "/api/v1/admin/deliveries/abc/redeliver", key: .admin).status == .badRequest)

            let enabled = try await client.call(.post, "/api/v1/admin/adapters/lichtpunt/enable", key: .admin)
            #expect(enabled.json["enabled"] as? Bool == true)
            let after = try await client.call(.get, "/api/v1/admin/adapters", key: .admin)
            let lichtpunt = try #require((after.json["adapters"] as? [[String: Any]])?.first)
            #expect(lichtpunt["disabled_at"] == nil)
            #expect(lichtpunt["pending"] as? Int == 1)
            #expect(lichtpunt["dead"] as? Int == 0)
        }
    }
}
