import Foundation
import ReportDomain

/// The body of `POST /api/v1/reports/{id}/{command}`: each command reads the fields it needs
/// and says which one is missing.
struct CommandInput: Decodable {
    var category: String?
    var department: Department?
    var party: String?
    var date: Date?
    var publicNote: String?
    var internalNote: String?
    var workStarted: Bool?
    var photoURL: String?
    var note: String?
    var reason: String?
    var into: String?
    var text: String?
    var visibility: CommentVisibility?
    var preference: NotificationPreference?
    var contact: ReporterContact?
    var score: Int?

    enum CodingKeys: String, CodingKey {
        case category, department, party, date, note, reason, into, text, visibility, preference, contact, score
        case publicNote = "public_note"
        case internalNote = "internal_note"
        case workStarted = "work_started"
        case photoURL = "photo_url"
    }

    static let empty = CommandInput()

    func required<T>(_ value: T?, _ field: String) throws -> T {
        guard let value else { throw Problem.badRequest("\(field) is required for this command", code: "request.missing_field", field: field) }
        return value
    }
}
