import struct Foundation.Date
import ReportDomain

/// What anyone may see of a report (rule 3), as the read model stores it
/// (`hub.report_projection.public_document`): the domain's `PublicReport`. No contact data, no
/// internal notes, no reporter's comments, nobody inside the municipality by name.
///
/// JSON with snake_case keys, absent values as `null`, moments in ISO 8601 UTC. For a merged
/// duplicate, the queries put the main report's `status` in (rule 6).
public struct PublicReportDocument: Codable, Hashable, Sendable {
    public var id: ReportID
    public var municipality: MunicipalityCode
    public var category: CategoryCode
    public var description: String
    public var location: Location
    public var photoURLs: [String]
    @Timestamp public var submittedAt: Date
    /// When the municipality expects to have handled it.
    @OptionalTimestamp public var expectedResolutionBy: Date?
    public var status: Status
    /// What the municipality and the party told the public, oldest first.
    public var publicNotes: [ReportDocument.Note]
    /// The photo of the fix the party sent (rule 11).
    public var completionPhotoURL: String?
    /// The main report, when this one is bundled under it.
    public var mainReportID: ReportID?
    @Timestamp public var updatedAt: Date

    /// The public status, with the municipality's label.
    public struct Status: Codable, Hashable, Sendable {
        public var kind: PublicStatusKind
        /// The municipality's label, e.g. "Doorgezet naar de afvalinzamelaar".
        public var label: String
        /// Open or closed, for Open311 clients.
        public var open311: Open311Status
        /// The party's name, when forwarded or scheduled by a party.
        public var partyName: String?
        /// The planned date, when scheduled.
        @OptionalTimestamp public var scheduledFor: Date?
        /// Why it was closed, when closed without a fix.
        public var closureReason: ClosureReason?

        public init(
            kind: PublicStatusKind, label: String, open311: Open311Status, partyName: String?, scheduledFor: Date?,
            closureReason: ClosureReason?
        ) {
            self.kind = kind
            self.label = label
            self.open311 = open311
            self.partyName = partyName
            self.scheduledFor = scheduledFor
            self.closureReason = closureReason
        }

        enum CodingKeys: String, CodingKey {
            case kind, label, open311
            case partyName = "party_name"
            case scheduledFor = "scheduled_for"
            case closureReason = "closure_reason"
        }

        /// Writes every field, absent ones as `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind.rawValue, forKey: .kind)
            try container.encode(label, forKey: .label)
            try container.encode(open311.rawValue, forKey: .open311)
            try container.encode(text: partyName, forKey: .partyName)
            try container.encode(moment: scheduledFor, forKey: .scheduledFor)
            try container.encode(text: closureReason?.rawValue, forKey: .closureReason)
        }
    }


    /// The document of the domain's public view.
    public init(_ report: PublicReport) {
        id = report.id
        municipality = report.municipality
        category = report.category
        description = report.description
        location = report.location
        photoURLs = report.photoURLs
        _submittedAt = Timestamp(wrappedValue: report.submittedAt)
        _expectedResolutionBy = OptionalTimestamp(wrappedValue: report.expectedResolutionBy)
        status = Status(report.status, label: report.statusLabel, open311: report.open311Status)
        publicNotes = report.publicNotes.map { ReportDocument.Note(at: $0.at, text: $0.text) }
        completionPhotoURL = report.completionPhotoURL
        mainReportID = report.mainReportID
        _updatedAt = Timestamp(wrappedValue: report.updatedAt)
    }

    enum CodingKeys: String, CodingKey {
        case id, municipality, category, description, location
        case photoURLs = "photo_urls"
        case submittedAt = "submitted_at"
        case expectedResolutionBy = "expected_resolution_by"
        case status
        case publicNotes = "public_notes"
        case completionPhotoURL = "completion_photo_url"
        case mainReportID = "main_report_id"
        case updatedAt = "updated_at"
    }

    /// Writes every field, absent ones as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id.description, forKey: .id)
        try container.encode(municipality.rawValue, forKey: .municipality)
        try container.encode(category.rawValue, forKey: .category)
        try container.encode(description, forKey: .description)
        try container.encode(location: location, forKey: .location)
        try container.encode(strings: photoURLs, forKey: .photoURLs)
        try container.encode(moment: submittedAt, forKey: .submittedAt)
        try container.encode(moment: expectedResolutionBy, forKey: .expectedResolutionBy)
        try container.encode(status, forKey: .status)
        try container.encode(notes: publicNotes, forKey: .publicNotes)
        try container.encode(text: completionPhotoURL, forKey: .completionPhotoURL)
        try container.encode(text: mainReportID?.description, forKey: .mainReportID)
        try container.encode(moment: updatedAt, forKey: .updatedAt)
    }
}
