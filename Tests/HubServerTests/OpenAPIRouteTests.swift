import Foundation
import HTTPTypes
import HubServer
import HummingbirdTesting
import Testing

/// schemas/openapi.yaml and the served routes agree, both ways.
@Suite("The OpenAPI document and the served routes")
struct OpenAPIRouteTests {
    /// The (method, path) pairs of the document's `paths:` section, read by indentation: paths at
    /// two spaces, their methods at four.
    static func documented() throws -> Set<HubRoutes.Route> {
        let text = try String(contentsOf: TestHub.repository.appendingPathComponent("schemas/openapi.yaml"), encoding: .utf8)
        var routes = Set<HubRoutes.Route>()
        var inPaths = false
        var path: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "paths:" { inPaths = true; continue }
            guard inPaths else { continue }
            if !line.hasPrefix(" ") && !line.isEmpty { break }
            if line.hasPrefix("  ") && !line.hasPrefix("   ") && line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast()).trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
            } else if line.hasPrefix("    ") && !line.hasPrefix("     "), let path {
                let key = line.dropFirst(4).split(separator: ":").first.map(String.init) ?? ""
                if ["get", "post", "put", "patch", "delete"].contains(key) {
                    routes.insert(HubRoutes.Route(method: key, path: path))
                }
            }
        }
        return routes
    }

    @Test("Every served route is documented and every documented route is served")
    func agree() async throws {
        try await TestHub.run { hub, client in
            let served = Set(buildRoutes(hub.dependencies).described)
            let documented = try Self.documented()
            #expect(documented.count > 40)
            let undocumented = served.subtracting(documented).map { "\($0.method) \($0.path)" }.sorted()
            let unserved = documented.subtracting(served).map { "\($0.method) \($0.path)" }.sorted()
            #expect(undocumented.isEmpty, "served but not in schemas/openapi.yaml: \(undocumented)")
            #expect(unserved.isEmpty, "in schemas/openapi.yaml but not served: \(unserved)")

            // And the router really answers them: no documented GET falls through to "nothing here".
            for route in documented where route.method == "get" && route.path != "/api/v1/events/stream" {
                let path = route.path
                    .replacingOccurrences(of: "{id}", with: UUID().uuidString.lowercased())
                    .replacingOccurrences(of: "{service_code}", with: "weg.gat")
                    .replacingOccurrences(of: "{service_request_id}", with: "x")
                    .replacingOccurrences(of: "{token}", with: "x")
                let answer = try await client.call(.get, path, key: .admin)
                #expect(!answer.text.contains("there is nothing at this address"), "\(path)")
                #expect(answer.status.code < 500, "\(path): \(answer.status)")
            }
        }
    }
}
