import Foundation
import Hummingbird

/// Reads a JSON request body into a type, turning every way it can be wrong into a 400 that
/// says where: not JSON, a missing field, a wrong type, a value the domain refuses.
enum JSONBody {
    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ISO8601.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be an ISO 8601 date-time with a zone, such as 2026-11-23T14:05:00+01:00, but was \"\(text)\"")
            }
            return date
        }
        return decoder
    }()

    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: HubRequestContext) async throws -> T {
        if let contentType = request.headers[.contentType], !contentType.lowercased().hasPrefix("application/json") {
            throw Problem(.unsupportedMediaType, code: "request.media_type", detail: "send the body as application/json, not \(contentType)")
        }
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let data = Data(buffer.readableBytesView)
        guard !data.isEmpty else { throw Problem.badRequest("the request needs a JSON body", code: "request.empty_body") }
        do {
            return try decoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            throw Self.problem(error)
        } catch {
            throw Problem.badRequest("the body is not valid JSON", code: "request.malformed_json")
        }
    }

    static func problem(_ error: DecodingError) -> Problem {
        func field(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop(while: { $0 == "." }).description
        }
        switch error {
        case .keyNotFound(let key, let context):
            let name = field(context.codingPath + [key])
            return Problem.badRequest("\(name) is required", code: "request.missing_field", field: name)
        case .typeMismatch(let type, let context):
            let name = field(context.codingPath)
            return Problem.badRequest("\(name.isEmpty ? "the body" : name) has the wrong type: expected \(Self.name(of: type))", code: "request.wrong_type", field: name)
        case .valueNotFound(let type, let context):
            let name = field(context.codingPath)
            return Problem.badRequest("\(name) must not be null: expected \(Self.name(of: type))", code: "request.missing_field", field: name)
        case .dataCorrupted(let context):
            let name = field(context.codingPath)
            if context.codingPath.isEmpty {
                return Problem.badRequest("the body is not valid JSON", code: "request.malformed_json")
            }
            return Problem.badRequest("\(name) \(context.debugDescription)", code: "request.invalid_field", field: name)
        @unknown default:
            return Problem.badRequest("the body could not be read", code: "request.malformed_json")
        }
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: type is any Collection.Type ? "a list" : "an object"
        }
    }
}
