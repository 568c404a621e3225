import struct Foundation.Date

/// What a new report consists of, as a channel delivers it. `Report.decide` validates it.
public struct ReportSubmission: Hashable, Sendable {
    /// The municipality responsible for the location.
    public var municipality: MunicipalityCode
    /// How the report reached the municipality.
    public var channel: Channel
    /// The category the reporter or the channel chose.
    public var category: CategoryCode
    /// The reporter's description, at most 4000 characters (as Open311 allows).
    public var description: String
    /// Where the problem is; validated when built.
    public var location: Location
    /// The reporter's photos as http(s) addresses, at most 10.
    public var photoURLs: [String]
    /// How to reach the reporter; `nil` (or all fields empty) for an anonymous report.
    public var contact: ReporterContact?
    /// The reporter's choice of notifications.
    public var notificationPreference: NotificationPreference
    /// How urgent the report is, by rule or by label.
    public var urgency: Urgency
    /// The report's number in the source system, so status can flow back there.
    public var externalReference: ExternalReference?
    /// When the reporter made the report, if the channel says; otherwise the command's moment.
    public var submittedAt: Date?

    /// A submission; anonymous, without notifications and of normal urgency unless said otherwise.
    public init(
        municipality: MunicipalityCode,
        channel: Channel,
        category: CategoryCode,
        description: String,
        location: Location,
        photoURLs: [String] = [],
        contact: ReporterContact? = nil,
        notificationPreference: NotificationPreference = .none,
        urgency: Urgency = .normal,
        externalReference: ExternalReference? = nil,
        submittedAt: Date? = nil
    ) {
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
    }
}
