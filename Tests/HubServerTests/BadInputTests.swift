import Foundation
import HTTPTypes
import HubServer
import HummingbirdTesting
import Testing

@Suite("Bad input gets a clear 4xx, never a 5xx, and never writes anything")
struct BadInputTests {
    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var body: String
        var contentType = "application/json"
        var status: HTTPResponse.Status
        var code: String
        var field: String?
    }

    static let cases: [Case] = [
        Case(description: "not JSON", body: "{\"municipality\": ", status: .badRequest, code: "request.malformed_json"),
        Case(description: "an array", body: "[1, 2]", status: .badRequest, code: "request.wrong_type"),
        Case(description: "a missing field", body: #"{"municipality": "GM0153", "category": "weg.gat", "location": {"latitude": 52, "longitude": 6}}"#, status: .badRequest, code: "request.missing_field", field: "description"),
        Case(description: "a wrong type", body: submissionJSON().replacingOccurrences(of: "\"latitude\": 52.2215", with: "\"latitude\": \"north\""), status: .badRequest, code: "request.wrong_type", field: "location.latitude"),
        Case(description: "latitude out of range", body: submissionJSON(latitude: 95), status: .badRequest, code: "request.invalid_field", field: "location"),
        Case(description: "an unknown municipality", body: submissionJSON(municipality: "GM9999"), status: .badRequest, code: "request.unknown_municipality", field: "municipality"),
        Case(description: "an invalid municipality code", body: submissionJSON(municipality: "DROP TABLE"), status: .badRequest, code: "report.invalid_field", field: "municipality"),
        Case(description: "an unknown category", body: submissionJSON(category: "vuurwerk"), status: .badRequest, code: "request.unknown_category", field: "category"),
        Case(description: "a description over 4000 characters", body: submissionJSON(description: String(repeating: "a", count: 4001)), status: .badRequest, code: "report.invalid_field", field: "description"),
        Case(description: "an empty body", body: "", status: .badRequest, code: "request.empty_body"),
        Case(description: "a form instead of JSON", body: "municipality=GM0153", contentType: "application/x-www-form-urlencoded", status: .unsupportedMediaType, code: "request.media_type"),
        Case(description: "a body over the limit", body: submissionJSON(description: String(repeating: "a", count: 300_000)), status: .contentTooLarge, code: "request.too_large"),
    ]

    @Test("Submissions", arguments: cases)
    func submission(_ bad: Case) async throws {
        try await TestHub.run { hub, client in
            let answer = try await client.call(.post, "/api/v1/reports", body: bad.body, contentType: bad.contentType)
            #expect(answer.status == bad.status, "\(answer.text)")
            #expect(answer.contentType == "application/problem+json")
            #expect(answer.json["code"] as? String == bad.code, "\(answer.text)")
            #expect(answer.json["status"] as? Int == Int(bad.status.code))
            #expect((answer.json["detail"] as? String)?.isEmpty == false)
            if let field = bad.field {
                let fields = (answer.json["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
                #expect(fields.contains { $0.hasPrefix(field) }, "\(answer.text)")
            }
            #expect(try await hub.eventCount() == 0)
        }
    }

    @Test("Unknown reports, bad ids, unknown commands and illegal steps")
    func reportsAndCommands() async throws {
        try await TestHub.run { hub, client in
            let created = try await client.call(.post, "/api/v1/reports", json: submissionJSON(category: "weg.gat"))
            let id = try #require((created.json["report"] as? [String: Any])?["id"] as? String)
            let before = try await hub.eventCount()
            let unknown = try await client.call(.get, "/api/v1/reports/\(UUID().uuidString.lowercased())")
            #expect(unknown.status == .notFound && unknown.json["code"] as? String == "report.not_found")
            let badID = try await client.call(.get, "/api/v1/reports/12345")
            #expect(badID.status == .badRequest && badID.json["code"] as? String == "request.invalid_report_id")
            let noRoute = try await client.call(.post, "/api/v1/reports/\(id)/teleport", key: .kccEnschede)
            #expect(noRoute.status == .notFound && noRoute.contentType == "application/problem+json")
            let missing = try await client.call(.post, "/api/v1/reports/\(id)/categorise", key: .kccEnschede, json: "{}")
            #expect(missing.status == .badRequest && (missing.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "category")
            let badDate = try await client.call(.post, "/api/v1/reports/\(id)/schedule", key: .kccEnschede, json: #"{"date": "tomorrow"}"#)
            #expect(badDate.status == .badRequest)
            let badReason = try await client.call(.post, "/api/v1/reports/\(id)/close", key: .kccEnschede, json: #"{"reason": "bored"}"#)
            #expect(badReason.status == .badRequest)
            let illegal = try await client.call(.post, "/api/v1/reports/\(id)/done", key: .kccEnschede, json: "{}")
            #expect(illegal.status == .forbidden || illegal.status == .conflict)
            let badKey = try await client.call(.get, "/api/v1/reports/\(id)", bearer: "hub_not_a_key")
            #expect(badKey.status == .unauthorized)
            let badSearch = try await client.call(.get, "/api/v1/reports?near=95,7", key: .kccEnschede)
            #expect(badSearch.status == .badRequest)
            let badLimit = try await client.call(.get, "/api/v1/reports?limit=0", key: .kccEnschede)
            #expect(badLimit.status == .badRequest)
            // The NUL character in a query (schemathesis found it as a 500 on search).
            let nul = try await client.call(.get, "/api/v1/reports?category=afval%00x", key: .kccEnschede)
            #expect(nul.status == .badRequest)
            #expect((nul.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "category")
            let nulOpen311 = try await client.call(.get, "/open311/v2/requests.json?jurisdiction_id=GM0153&status=open%00")
            #expect(nulOpen311.status == .badRequest)
            // Found by schemathesis: a cursor no search returned was a 500.
            let badCursor = try await client.call(.get, "/api/v1/reports?cursor=9V%F0%A1%AB%90", key: .kccEnschede)
            #expect(badCursor.status == .badRequest && badCursor.json["code"] as? String == "projection.invalid_search")
            #expect(try await hub.eventCount() == before)
        }
    }
}
