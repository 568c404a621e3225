import Hummingbird

/// The router as the route collections see it: it registers a route and remembers it, so a test
/// can hold the served routes against schemas/openapi.yaml.
public final class HubRoutes: @unchecked Sendable {
    // @unchecked: `described` is only appended to while `buildRouter` runs, on one task, before
    // the router is handed to the server; afterwards it is only read.
    public typealias Handler = @Sendable (Request, HubRequestContext) async throws -> Response

    /// One served route: method and path in OpenAPI's spelling (`/api/v1/reports/{id}`).
    public struct Route: Hashable, Sendable {
        public var method: String
        public var path: String

        public init(method: String, path: String) {
            self.method = method
            self.path = path
        }
    }

    let router: Router<HubRequestContext>
    public private(set) var described: [Route] = []

    init(router: Router<HubRequestContext>) {
        self.router = router
    }

    func get(_ path: String, use handler: @escaping Handler) { add(.get, path, handler) }
    func post(_ path: String, use handler: @escaping Handler) { add(.post, path, handler) }

    private func add(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        router.on(RouterPath(path), method: method, use: handler)
        let openAPIPath = "/" + path.split(separator: "/").map { part in
            part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
        }.joined(separator: "/")
        described.append(Route(method: method.rawValue.lowercased(), path: openAPIPath))
    }
}
