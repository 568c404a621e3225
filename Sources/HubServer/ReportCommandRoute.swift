import HubConfig
import ReportDomain

/// The commands the native API takes at `POST /api/v1/reports/{id}/{name}`, by name.
enum ReportCommandRoute: String, CaseIterable, Sendable {
    case acknowledge, categorise, assign, forward, schedule, status, done, reject, close, confirm, reopen, merge, comments
    case notificationPreference = "notification-preference"
    case feedback, erase

    /// The domain action for a body; `merge` needs the main report's state and is built by the caller.
    func action(_ input: CommandInput, configuration: HubConfiguration, municipality: MunicipalityCode) throws -> ReportAction {
        switch self {
        case .acknowledge:
            return .acknowledge
        case .categorise:
            let code = CategoryCode(try input.required(input.category, "category"))
            guard configuration.municipality(municipality)?.category(code) != nil else {
                throw Problem.badRequest("category \"\(code)\" is not one of municipality \(municipality)'s categories", code: "request.unknown_category", field: "category")
            }
            return .categorise(code)
        case .assign:
            return .assign(try input.required(input.department, "department"))
        case .forward:
            let id = PartyID(try input.required(input.party, "party"))
            guard let party = configuration.party(id) else {
                throw Problem.badRequest("party \"\(id)\" is not configured", code: "request.unknown_party", field: "party")
            }
            return .forward(try party.domainParty())
        case .schedule:
            return .scheduleWork(on: try input.required(input.date, "date"))
        case .status:
            guard input.publicNote != nil || input.internalNote != nil || input.workStarted == true else {
                throw Problem.badRequest("a status update needs public_note, internal_note or work_started", code: "request.missing_field", field: "public_note")
            }
            return .updateStatus(publicNote: input.publicNote, internalNote: input.internalNote, workStarted: input.workStarted ?? false)
        case .done:
            return .completeWork(photoURL: input.photoURL, note: input.note)
        case .reject:
            return .rejectWork(reason: try input.required(input.reason, "reason"))
        case .close:
            let text = try input.required(input.reason, "reason")
            guard let reason = ClosureReason(rawValue: text) else {
                let allowed = ClosureReason.allCases.map(\.rawValue).joined(separator: ", ")
                throw Problem.badRequest("reason must be one of \(allowed), but was \"\(text)\"", code: "request.invalid_field", field: "reason")
            }
            return .close(reason, publicNote: input.publicNote, internalNote: input.internalNote)
        case .confirm:
            return .confirmResolution
        case .reopen:
            return .reopen(reason: input.reason)
        case .comments:
            return .addComment(try input.required(input.text, "text"), visibility: input.visibility ?? .internal)
        case .notificationPreference:
            return .changeNotificationPreference(try input.required(input.preference, "preference"), contact: input.contact)
        case .feedback:
            return .giveFeedback(score: try input.required(input.score, "score"), text: input.text)
        case .erase:
            return .erasePersonalData(reason: input.reason)
        case .merge:
            throw Problem.badRequest("merge is built by the route", code: "internal")
        }
    }

    /// Commands that carry no body at all.
    var takesBody: Bool {
        switch self {
        case .acknowledge, .confirm: false
        default: true
        }
    }
}
