import Adapters
import Foundation
import HTTPTypes
import HubConfig
import HubServer
import HummingbirdTesting
import Postgres
import Testing
import Webhooks

@Suite("Inbound webhooks of connected systems")
struct InboundWebhookTests {
    /// The demo's adapters with the demo's published secrets.
    static let environment: [String: String] = {
        let text = (try? String(contentsOf: TestHub.repository.appendingPathComponent("deploy/demo.env"), encoding: .utf8)) ?? ""
        var environment: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { environment[String(parts[0])] = String(parts[1]) }
        }
        return environment
    }()

    static func adapters() throws -> AdapterCatalog {
        try AdapterCatalog.load(
            directory: TestHub.repository.appendingPathComponent("adapters").path, configuration: TestHub.configuration,
            environment: environment)
    }

    static let melddeskSecret = try! WebhookSecret(environment["HUB_ADAPTER_MELDDESK_ENSCHEDE_SECRET"]!)

    /// A signed POST, as Melddesk sends it.
    static func signed(
        _ client: some TestClientProtocol, _ json: String, adapter: String = "melddesk-enschede", secret: WebhookSecret = melddeskSecret,
        id: String = "msg_" + UUID().uuidString, timestamp: Int64 = Int64(Date().timeIntervalSince1970)
    ) async throws -> TestAnswer {
        var headers = HTTPFields()
        for header in WebhookSignature.headers(id: id, timestamp: timestamp, body: Array(json.utf8), secret: secret) {
            headers[HTTPField.Name(header.name)!] = header.value
        }
        return try await client.call(.post, "/api/v1/adapters/\(adapter)/inbound", json: json, headers: headers)
    }

    static func change(_ mutation: String, report: String, status: String, at time: String, extra: String = "") -> String {
        #"{"mutatieId": "\#(mutation)", "meldingId": "\#(report)", "status": "\#(status)", "gewijzigdOp": "\#(time)"\#(extra)}"#
    }

    @Test("A signed case status change is applied once; a resent one changes nothing; its payload is kept")
    func appliedOnce() async throws {
        try await TestHub.run(adapters: try Self.adapters()) { hub, client in
            let created = try await client.call(.post, "/api/v1/reports", json: submissionJSON(category: "weg.gat"))
            let id = try #require((created.json["report"] as? [String: Any])?["id"] as? String)
            let events = try await hub.eventCount()
            let body = Self.change("M-1", report: id, status: "IN_BEHANDELING", at: "2026-11-23T09:00:00Z")
            let first = try await Self.signed(client, body)
            #expect(first.status == .ok)
            #expect(first.json["status"] as? String == "accepted")
            #expect(first.json["report_id"] as? String == id)
            #expect(try await hub.eventCount() == events + 1)
            // Resent (a new webhook-id, the same mutatieId): the first answer, nothing appended.
            let again = try await Self.signed(client, body)
            #expect(again.json["status"] as? String == "accepted")
            #expect(again.json["repeated"] as? Bool == true)
            #expect(try await hub.eventCount() == events + 1)
            let report = try await client.call(.get, "/api/v1/reports/\(id)", key: .kccEnschede)
            #expect((report.json["report"] as? [String: Any])?["status"] as? String == "acknowledged")
            let kept = try await hub.pool.query("SELECT payload, their_status FROM hub.inbound_messages WHERE message_id = 'M-1'")
            #expect(try kept.decode(String.self, row: 0, column: 0) == body)
            #expect(try kept.decode(String.self, row: 0, column: 1) == "IN_BEHANDELING")
        }
    }

    @Test("A bad or missing signature, another secret, or a timestamp outside the tolerance is refused (401) and applies nothing")
    func signatures() async throws {
        try await TestHub.run(adapters: try Self.adapters()) { hub, client in
            let created = try await client.call(.post, "/api/v1/reports", json: submissionJSON(category: "weg.gat"))
            let id = try #require((created.json["report"] as? [String: Any])?["id"] as? String)
            let events = try await hub.eventCount()
            let body = Self.change("M-2", report: id, status: "IN_BEHANDELING", at: "2026-11-23T09:00:00Z")
            let unsigned = try await client.call(.post, "/api/v1/adapters/melddesk-enschede/inbound", json: body)
            #expect(unsigned.status == .unauthorized)
            #expect(unsigned.json["code"] as? String == "webhook.missing_header")
            let wrongKey = try await Self.signed(client, body, secret: WebhookSecret.generate())
            #expect(wrongKey.status == .unauthorized)
            #expect(wrongKey.json["code"] as? String == "webhook.invalid_signature")
            let replayed = try await Self.signed(client, body, timestamp: Int64(Date().timeIntervalSince1970) - 3600)
            #expect(replayed.status == .unauthorized)
            #expect(replayed.json["code"] as? String == "webhook.timestamp_out_of_tolerance")
            #expect(try await client.call(.post, "/api/v1/adapters/nobody/inbound", json: body).status == .notFound)
            #expect(try await hub.eventCount() == events)
        }
    }

    @Test("A message that cannot be mapped gets a 4xx with the reason, is kept as rejected, and changes nothing")
    func rejected() async throws {
        try await TestHub.run(adapters: try Self.adapters()) { hub, client in
            let created = try await client.call(.post, "/api/v1/reports", json: submissionJSON(category: "weg.gat"))
            let id = try #require((created.json["report"] as? [String: Any])?["id"] as? String)
            let events = try await hub.eventCount()
            let unknown = try await Self.signed(client, Self.change("M-3", report: id, status: "ONBEKEND", at: "2026-11-23T09:00:00Z"))
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.json["code"] as? String == "inbound.unknown_status")
            #expect((unknown.json["detail"] as? String)?.contains("ONBEKEND") == true)
            let notJSON = try await Self.signed(client, "status=IN_BEHANDELING")
            #expect(notJSON.status == .badRequest)
            #expect(notJSON.json["code"] as? String == "inbound.not_json")
            let missing = try await Self.signed(client, #"{"mutatieId": "M-4", "meldingId": "\#(id)"}"#)
            #expect(missing.status == .badRequest)
            #expect(missing.json["code"] as? String == "inbound.missing_field")
            let noReport = try await Self.signed(client, Self.change("M-5", report: UUID().uuidString.lowercased(), status: "IN_BEHANDELING", at: "2026-11-23T09:00:00Z"))
            #expect(noReport.status == .unprocessableContent)
            #expect(noReport.json["code"] as? String == "inbound.unknown_report")
            #expect(try await hub.eventCount() == events)
            // Visible to an operator, with the reason and the payload as sent.
            #expect(try await client.call(.get, "/api/v1/admin/inbound?status=rejected", key: .kccEnschede).status == .forbidden)
            let listed = try await client.call(.get, "/api/v1/admin/inbound?status=rejected&adapter=melddesk-enschede", key: .admin)
            let rejected = try #require(listed.json["messages"] as? [[String: Any]])
            #expect(rejected.count == 4)
            let unknownStatus = try #require(rejected.first { $0["code"] as? String == "inbound.unknown_status" })
            #expect((unknownStatus["reason"] as? String)?.contains("ONBEKEND") == true)
            #expect((unknownStatus["payload"] as? String)?.contains("ONBEKEND") == true)
            #expect(try await client.call(.get, "/api/v1/admin/inbound?status=lost", key: .admin).status == .badRequest)
            // A rejected message may come again once its cause is fixed.
            let fixed = try await Self.signed(client, Self.change("M-3", report: id, status: "IN_BEHANDELING", at: "2026-11-23T09:00:00Z"))
            #expect(fixed.json["status"] as? String == "accepted")
            #expect(try await hub.eventCount() == events + 1)
        }
    }

    @Test("An update older than the last one applied from that system never overwrites newer state")
    func outOfOrder() async throws {
        try await TestHub.run(adapters: try Self.adapters()) { hub, client in
            let created = try await client.call(.post, "/api/v1/reports", json: submissionJSON(category: "weg.gat"))
            let id = try #require((created.json["report"] as? [String: Any])?["id"] as? String)
            let newer = try await Self.signed(client, Self.change("M-11", report: id, status: "AFGEHANDELD", at: "2026-11-23T11:00:00Z"))
            #expect(newer.json["status"] as? String == "accepted", "\(newer.text)")
            let events = try await hub.eventCount()
            let older = try await Self.signed(client, Self.change("M-10", report: id, status: "IN_BEHANDELING", at: "2026-11-23T10:00:00Z"))
            #expect(older.status == .ok)
            #expect(older.json["status"] as? String == "stale")
            #expect(try await hub.eventCount() == events)
            let report = try await client.call(.get, "/api/v1/reports/\(id)", key: .kccEnschede)
            #expect((report.json["report"] as? [String: Any])?["status"] as? String == "closed")
        }
    }
}
