import Hummingbird
import Logging

/// The outermost middleware: every error leaves as an `application/problem+json` answer (or, under
/// /open311, in Open311's own error format), and a 5xx is logged with the request id — never a
/// stack trace or SQL in the answer.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = HubRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Problem(from: error)
            if problem.statusCode >= 500 {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            if request.uri.path.hasPrefix("/open311") {
                return try Open311Answer.error(problem, request: request)
            }
            return try problem.response(from: request, context: context)
        }
    }
}
