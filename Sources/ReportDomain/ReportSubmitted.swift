import struct Foundation.Date

/// A report entered the hub, through any channel.
public struct ReportSubmitted: ReportEventPayload {
    public static let eventType = "ReportSubmitted"
    public static let schemaVersion = 1

    public let reportID: ReportID
    /// The municipality responsible for the report.
    public let municipality: MunicipalityCode
    /// How the report reached the municipality.
    public let channel: Channel
    /// The category the reporter or the channel chose.
    public let category: CategoryCode
    /// The reporter's description, at most 4000 characters.
    public let description: String
    /// Where the problem is.
    public let location: Location
    /// The reporter's photos.
    public let photoURLs: [String]
    /// How to reach the reporter; `nil` for anonymous reports.
    public let contact: ReporterContact?
    /// The reporter's choice of notifications.
    public let notificationPreference: NotificationPreference
    /// How urgent the report is.
    public let urgency: Urgency
    /// The report's number in the source system.
    public let externalReference: ExternalReference?
    /// When the reporter made the report.
    public let submittedAt: Date
    /// When the municipality promised to acknowledge it, by its service levels at submission.
    public let expectedAcknowledgementBy: Date?
    /// When the municipality expects to have handled it, by its service levels at submission.
    public let expectedResolutionBy: Date?

    /// The moment of the event is the moment of submission.
    public var occurredAt: Date { submittedAt }
    public var event: ReportEvent { .reportSubmitted(self) }

    /// Builds the payload; `decide` is the place that validates it.
    public init(
        reportID: ReportID, municipality: MunicipalityCode, channel: Channel, category: CategoryCode,
        description: String, location: Location, photoURLs: [String], contact: ReporterContact?,
        notificationPreference: NotificationPreference, urgency: Urgency, externalReference: ExternalReference?,
        submittedAt: Date, expectedAcknowledgementBy: Date?, expectedResolutionBy: Date?
    ) {
        self.reportID = reportID
        self.municipality = municipality
        self.channel = channel
        self.category = category
        self.description = description
        self.location = location
        self.photoURLs = photoURLs
        self.contact = contact
        self.notificationPreference = notificationPreference
        self.urgency = urgency
        self.externalReference = externalReference
        self.submittedAt = submittedAt
        self.expectedAcknowledgementBy = expectedAcknowledgementBy
        self.expectedResolutionBy = expectedResolutionBy
    }

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id"
        case municipality, channel, category, description, location
        case photoURLs = "photo_urls"
        case contact
        case notificationPreference = "notification_preference"
        case urgency
        case externalReference = "external_reference"
        case submittedAt = "submitted_at"
        case expectedAcknowledgementBy = "expected_acknowledgement_by"
        case expectedResolutionBy = "expected_resolution_by"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reportID, forKey: .reportID)
        try container.encode(municipality, forKey: .municipality)
        try container.encode(channel, forKey: .channel)
        try container.encode(category, forKey: .category)
        try container.encode(description, forKey: .description)
        try container.encode(location, forKey: .location)
        try container.encode(photoURLs, forKey: .photoURLs)
        try container.encode(contact, forKey: .contact)
        try container.encode(notificationPreference, forKey: .notificationPreference)
        try container.encode(urgency, forKey: .urgency)
        try container.encode(externalReference, forKey: .externalReference)
        try container.encode(submittedAt, forKey: .submittedAt)
        try container.encode(expectedAcknowledgementBy, forKey: .expectedAcknowledgementBy)
        try container.encode(expectedResolutionBy, forKey: .expectedResolutionBy)
    }
}
