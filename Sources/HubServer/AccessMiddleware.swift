import EventLog
import Foundation
import HTTPTypes
import HubConfig
import Hummingbird
import Logging
import ReportDomain

/// Establishes the caller from `Authorization: Bearer <key>` or `X-API-Key`. No credentials means
/// anonymous; credentials that match nothing are refused (401) rather than treated as anonymous,
/// so a mistyped key never silently shows less.
struct AccessMiddleware: RouterMiddleware {
    typealias Context = HubRequestContext

    let configuration: HubConfiguration
    let store: EventStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let credential = Self.credential(of: request) {
            context.caller = try await caller(for: credential)
            context.logger[metadataKey: "caller.id"] = .string(context.caller.id)
        }
        return try await next(request, context)
    }

    static func credential(of request: Request) -> String? {
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                return String(parts[1]).trimmingCharacters(in: .whitespaces)
            }
        }
        if let name = HTTPField.Name("X-API-Key"), let key = request.headers[name], !key.isEmpty {
            return key
        }
        return nil
    }

    /// The caller a presented key or reporter token stands for.
    func caller(for credential: String) async throws -> Caller {
        if let token = ReporterToken(credential) {
            let first = try await store.readStream(token.reportID.streamName, from: 1, limit: 1).first
            guard let first, let stored = first.metadata.reporterTokenHash,
                  constantTimeEqual(stored, token.sha256)
            else { throw Problem.unauthorized("the reporter token is not valid") }
            return Caller(
                kind: .reporter(token.reportID), id: "reporter",
                municipalities: [MunicipalityCode(first.municipality)], party: nil)
        }
        guard let key = configuration.apiKey(sha256: APIKeySecret.hash(credential)) else {
            throw Problem.unauthorized("the API key is not known")
        }
        return Caller(key: key)
    }
}

/// Compares two hashes without an early exit, so timing says nothing about how much matched.
func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
    let left = Array(lhs.utf8), right = Array(rhs.utf8)
    guard left.count == right.count else { return false }
    return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
}
