import Foundation
import Hummingbird
import Postgres
import Prometheus

/// `/health/live`, `/health/ready`, `/health` and `/metrics` for operators and orchestrators.
struct OperationsRoutes: Sendable {
    let dependencies: HubDependencies

    func register(on router: HubRoutes) {
        router.get("health/live") { _, _ in Self.json(.ok, ["status": "live"]) }
        router.get("health/ready", use: ready)
        router.get("health", use: ready)
        router.get("metrics", use: metrics)
    }

    /// Ready only when the database answers and the schema is what this build expects.
    @Sendable func ready(_ request: Request, context: HubRequestContext) async throws -> Response {
        var checks: [String: String] = [:]
        do {
            _ = try await dependencies.pool.query("SELECT 1")
            checks["database"] = "ok"
            checks["migrations"] = try await dependencies.migrationsCurrent() ? "ok" : "pending"
        } catch {
            checks["database"] = "unreachable"
            checks["migrations"] = "unknown"
        }
        let ready = checks.values.allSatisfy { $0 == "ok" }
        checks["status"] = ready ? "ready" : "not_ready"
        return Self.json(ready ? .ok : .serviceUnavailable, checks)
    }

    @Sendable func metrics(_ request: Request, context: HubRequestContext) async throws -> Response {
        var buffer: [UInt8] = []
        dependencies.metrics.emit(into: &buffer)
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
    }

    static func json(_ status: HTTPResponse.Status, _ fields: [String: String]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = (try? encoder.encode(fields)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
