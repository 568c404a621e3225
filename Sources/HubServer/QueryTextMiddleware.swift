import Foundation
import Hummingbird

/// Refuses a query string with the NUL character (`%00`) in a name or value, on every route: no
/// text of the hub can hold it, and PostgreSQL refuses it in a parameter (found by schemathesis as
/// a 500 on search). A 400 that names the parameter, before any route reads it.
struct QueryTextMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        for (key, value) in request.uri.queryParameters where key.contains("\u{0}") || value.contains("\u{0}") {
            let name = String(key).replacingOccurrences(of: "\u{0}", with: "%00")
            throw Problem.badRequest("the query parameter \(name) contains the NUL character (%00), which no text can hold", field: name)
        }
        return try await next(request, context)
    }
}
