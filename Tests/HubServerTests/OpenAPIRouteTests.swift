import Foundation
import HTTPTypes
import HubServer
import HummingbirdTesting
import Testing

/// schemas/openapi.yaml and the served routes agree, both ways: nothing is served that the document
/// does not describe, and nothing is described that is not served.
@Suite("The OpenAPI document and the served routes")
struct OpenAPIRouteTests {
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// The operations of the document's `paths:` section, as (method, path).
    ///
    /// Read by indentation, as the document is written: a path at two spaces, its operations at four.
    /// (The test target has no YAML parser; the document's shape is checked by openapi-spec-validator.)
    static func documented(_ text: String) -> [HubRoutes.Route] {
        var routes: [HubRoutes.Route] = []
        var inPaths = false
        var path: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let content = line.drop(while: { $0 == " " })
            if content.isEmpty || content.hasPrefix("#") { continue }
            let indent = line.count - content.count
            if indent == 0 {
                inPaths = content.hasPrefix("paths:")
                continue
            }
            guard inPaths, let colon = content.firstIndex(of: ":") else { continue }
            let key = content[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
            if indent == 2 {
                path = key
            } else if indent == 4, let path, methods.contains(key) {
                routes.append(HubRoutes.Route(method: key, path: path))
            }
        }
        return routes
    }

    static func documentText() throws -> String {
        try String(contentsOf: TestHub.repository.appendingPathComponent("schemas/openapi.yaml"), encoding: .utf8)
    }

    @Test("The reader finds paths and operations, and nothing outside paths:")
    func reader() {
        let text = """
            openapi: 3.0.3
            paths:
              # a comment at path level
              /a/{id}:
                parameters: []
                get:
                  operationId: getA
                  responses:
                    '200':
                      description: ok
                post:
                  operationId: postA
              '/b.json':
                get: {operationId: getB}
            components:
              links:
                Somewhere:
                  operationId: getA
                get:
                  x: 1
            """
        #expect(Self.documented(text) == [
            HubRoutes.Route(method: "get", path: "/a/{id}"),
            HubRoutes.Route(method: "post", path: "/a/{id}"),
            HubRoutes.Route(method: "get", path: "/b.json"),
        ])
    }

    @Test("Every served route is documented and every documented route is served")
    func agree() async throws {
        let documentedList = Self.documented(try Self.documentText())
        let documented = Set(documentedList)
        #expect(documented.count == documentedList.count, "an operation is documented twice")
        try await TestHub.run { hub, _ in
            let served = Set(buildRoutes(hub.dependencies).described)
            let undocumented = served.subtracting(documented).map { "\($0.method.uppercased()) \($0.path)" }.sorted()
            let unserved = documented.subtracting(served).map { "\($0.method.uppercased()) \($0.path)" }.sorted()
            #expect(undocumented.isEmpty, "served but not in schemas/openapi.yaml: \(undocumented)")
            #expect(unserved.isEmpty, "in schemas/openapi.yaml but not served: \(unserved)")
            #expect(served.contains(HubRoutes.Route(method: "post", path: "/api/v1/reports/{id}/notification-preference")))
        }
    }

    @Test("Every documented operation reaches its handler, not the router's 404")
    func reachable() async throws {
        let documented = Self.documented(try Self.documentText())
        try await TestHub.run { hub, client in
            let before = try await hub.eventCount()
            // The events stream stays open; every other operation answers at once. Unknown ids and
            // empty bodies make each handler refuse, so nothing is stored.
            for route in documented where route.path != "/api/v1/events/stream" {
                let path = route.path
                    .replacingOccurrences(of: "{id}", with: UUID().uuidString.lowercased())
                    .replacingOccurrences(of: "{service_code}", with: "weg.gat")
                    .replacingOccurrences(of: "{service_request_id}", with: "x")
                    .replacingOccurrences(of: "{token}", with: "x")
                let answer = try await client.call(HTTPRequest.Method(route.method.uppercased())!, path, key: .admin)
                #expect(!answer.text.contains("there is nothing at this address"), "\(route.method) \(path): \(answer.text)")
                #expect(answer.status.code < 500, "\(route.method) \(path): \(answer.status)")
            }
            #expect(try await hub.eventCount() == before)
        }
    }
}
