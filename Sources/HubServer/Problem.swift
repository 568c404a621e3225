import Foundation
import Hummingbird

/// An RFC 9457 problem: the native API's one error shape (`application/problem+json`).
public struct Problem: Error, HTTPResponseError, Codable, Sendable {
    /// One field that failed, for clients that highlight form fields.
    public struct FieldError: Codable, Sendable, Hashable {
        public var field: String
        public var reason: String
    }

    /// A stable URI per kind of problem, e.g. `https://meldingen-hub.nl/problems/report.not_found`.
    public var type: String
    public var title: String
    public var statusCode: Int
    public var detail: String
    public var instance: String?
    /// The stable code (also the last part of `type`).
    public var code: String
    public var errors: [FieldError]?

    public init(_ status: HTTPResponse.Status, code: String, detail: String, errors: [FieldError]? = nil) {
        self.type = "https://meldingen-hub.nl/problems/" + code
        self.title = status.reasonPhrase
        self.statusCode = status.code
        self.detail = detail
        self.code = code
        self.errors = errors
    }

    public var status: HTTPResponse.Status { HTTPResponse.Status(code: statusCode) }

    enum CodingKeys: String, CodingKey {
        case type, title, detail, instance, code, errors
        case statusCode = "status"
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var problem = self
        problem.instance = request.uri.path
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = try encoder.encode(problem)
        return Response(
            status: status,
            headers: [.contentType: "application/problem+json"],
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    public static func badRequest(_ detail: String, code: String = "request.invalid", field: String? = nil) -> Problem {
        Problem(.badRequest, code: code, detail: detail, errors: field.map { [FieldError(field: $0, reason: detail)] })
    }

    public static func notFound(_ detail: String, code: String = "not_found") -> Problem {
        Problem(.notFound, code: code, detail: detail)
    }

    public static func forbidden(_ detail: String) -> Problem {
        Problem(.forbidden, code: "access.forbidden", detail: detail)
    }

    public static func unauthorized(_ detail: String) -> Problem {
        Problem(.unauthorized, code: "access.unauthenticated", detail: detail)
    }
}
