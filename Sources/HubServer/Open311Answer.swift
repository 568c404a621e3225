import Foundation
import Hummingbird
import Open311

/// Open311 answers: a document in the format the path's suffix asked for, and errors in the
/// spec's format (404 unknown resource or jurisdiction, 403 key, 400 anything else).
enum Open311Answer {
    static let encoder = Open311Encoder()

    static func document(_ document: some Open311Document, _ format: Open311Format, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: format.contentType],
            body: .init(byteBuffer: ByteBuffer(bytes: encoder.encodeData(document, as: format))))
    }

    static func error(_ problem: Problem, request: Request) throws -> Response {
        let format = Open311Format(path: request.uri.path) ?? .xml
        let code: Int = switch problem.statusCode {
        case 401, 403: 403
        case 404: 404
        case 500...: problem.statusCode
        default: 400
        }
        var errors = Open311Errors(Open311Error(code: code, description: problem.detail))
        if let fields = problem.errors, !fields.isEmpty {
            errors = Open311Errors(fields.map { field in
                let text = field.reason.contains(field.field) ? field.reason : "\(field.field) \(field.reason)"
                return Open311Error(code: code, description: text, field: field.field)
            })
        }
        return document(errors, format, status: HTTPResponse.Status(code: code))
    }

    /// An Open311 module error as the problem the middleware renders (keeping the code the spec wants).
    static func problem(_ errors: Open311Errors) -> Problem {
        let first = errors.errors.first
        let status = HTTPResponse.Status(code: errors.httpStatus)
        let fields = errors.errors.compactMap { error in error.field.map { Problem.FieldError(field: $0, reason: error.description) } }
        return Problem(
            status, code: "open311.\(errors.httpStatus)", detail: first?.description ?? status.reasonPhrase,
            errors: fields.isEmpty ? nil : fields)
    }
}
