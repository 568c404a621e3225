import Foundation
import ReportDomain

/// The body of `POST /api/v1/reports`.
struct SubmitReportInput: Decodable {
    var municipality: String
    var category: String
    var description: String
    var channel: String?
    var location: Location
    var photoURLs: [String]?
    var contact: ReporterContact?
    var notificationPreference: NotificationPreference?
    var urgency: Urgency?
    var externalReference: ExternalReference?
    var submittedAt: Date?

    enum CodingKeys: String, CodingKey {
        case municipality, category, description, channel, location, contact, urgency
        case photoURLs = "photo_urls"
        case notificationPreference = "notification_preference"
        case externalReference = "external_reference"
        case submittedAt = "submitted_at"
    }
}
