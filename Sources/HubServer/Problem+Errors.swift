import EventLog
import Hummingbird
import NIOCore
import Postgres
import Projections
import ReportDomain
import Reports

extension Problem {
    /// The problem an error from a lower layer means for the caller. Only this layer turns errors
    /// into statuses; anything unknown becomes a 500 whose detail says nothing about internals.
    public init(from error: any Error) {
        switch error {
        case let problem as Problem:
            self = problem
        case let error as ReportError:
            self = Problem(domain: error)
        case let error as ReportsError:
            switch error {
            case .notFound: self = Problem(.notFound, code: error.code, detail: error.description)
            case .stepsOnSeveralReports: self = .internalError
            }
        case let error as EventLogError where error.code == .conflict:
            self = Problem(.conflict, code: error.code.rawValue, detail: "the report changed while this request was handled; try again")
        case let error as ProjectionError where error.code == .invalidSearch:
            self = Problem(.badRequest, code: error.code.rawValue, detail: error.message)
        case is NIOTooManyBytesError:
            self = Problem(.contentTooLarge, code: "request.too_large", detail: "the request body is larger than the limit of 256 KiB")
        case let error as HTTPError:
            switch error.status {
            case .notFound: self = .notFound("there is nothing at this address")
            case .contentTooLarge: self = Problem(.contentTooLarge, code: "request.too_large", detail: "the request body is larger than the limit of 256 KiB")
            case .methodNotAllowed: self = Problem(.methodNotAllowed, code: "request.method_not_allowed", detail: "this address does not accept that method")
            default: self = Problem(error.status, code: "request.refused", detail: error.body ?? error.status.reasonPhrase)
            }
        default:
            self = .internalError
        }
    }

    /// An error the caller cannot mend: a 500 whose detail says nothing about internals.
    static let internalError = Problem(
        .internalServerError, code: "internal", detail: "the hub could not handle the request; it has been logged")

    /// Invalid input is 400 with the field; a step the report's state does not allow is 409; an
    /// actor that may not take it is 403; an unknown report is 404.
    init(domain error: ReportError) {
        switch error {
        case .invalidField(let field, let reason):
            self = Problem(.badRequest, code: error.code, detail: "\(field) \(reason)", errors: [FieldError(field: field, reason: reason)])
        case .notFound:
            self = Problem(.notFound, code: error.code, detail: error.message)
        case .actorNotAllowed, .partyNotAssigned:
            self = Problem(.forbidden, code: error.code, detail: error.message)
        case .wrongMunicipality, .mergeAcrossMunicipalities, .mergeIntoItself, .wrongReport:
            self = Problem(.badRequest, code: error.code, detail: error.message)
        case .unknownEventType, .unsupportedSchemaVersion, .invalidPayload:
            self = Problem(.internalServerError, code: "internal", detail: "the hub could not read a stored event; it has been logged")
        default:
            self = Problem(.conflict, code: error.code, detail: error.message)
        }
    }
}
