import struct Foundation.Date

/// The reporter changed how they want to be kept informed, possibly giving contact data again.
///
/// The only event that may bring contact data back after `PersonalDataErased` (rule 12).
public struct NotificationPreferenceChanged: ReportEventPayload {
    public static let eventType = "NotificationPreferenceChanged"
    public static let schemaVersion = 1

    public let reportID: ReportID
    public let occurredAt: Date
    /// The new preference.
    public let notificationPreference: NotificationPreference
    /// New contact data; `nil` keeps what the report has.
    public let contact: ReporterContact?
    public var event: ReportEvent { .notificationPreferenceChanged(self) }

    public init(reportID: ReportID, occurredAt: Date, notificationPreference: NotificationPreference, contact: ReporterContact?) {
        self.reportID = reportID
        self.occurredAt = occurredAt
        self.notificationPreference = notificationPreference
        self.contact = contact
    }

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id"
        case occurredAt = "occurred_at"
        case notificationPreference = "notification_preference"
        case contact
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reportID, forKey: .reportID)
        try container.encode(occurredAt, forKey: .occurredAt)
        try container.encode(notificationPreference, forKey: .notificationPreference)
        try container.encode(contact, forKey: .contact)
    }
}
