import struct Foundation.Date
import ReportDomain

/// The internal view of a report, as the read model stores it (`hub.report_projection.document`)
/// and the API serves it to the municipality and, redacted, to parties: everything in `Report`.
///
/// JSON with snake_case keys, every field present (absent values as `null`), moments as
/// ISO 8601 in UTC with milliseconds. The reporter's personal data sits in one place, `reporter`
/// (plus the reporter's own words in `comments` and `feedback`), so that `redacted()` can take
/// it out for a party without a processing agreement (rule 4).
public struct ReportDocument: Codable, Hashable, Sendable {
    /// The report's number.
    public var id: ReportID
    public var municipality: MunicipalityCode
    /// How the report reached the municipality.
    public var channel: Channel
    public var category: CategoryCode
    /// The reporter's description of the problem.
    public var description: String
    public var location: Location
    /// The reporter's photos.
    public var photoURLs: [String]
    public var urgency: Urgency
    /// The report's number in the system it came from.
    public var externalReference: ExternalReference?
    /// When the reporter made the report (rule 8).
    @Timestamp public var submittedAt: Date
    /// What the municipality promised at submission (rule 9).
    public var serviceLevel: ServiceLevel
    /// The internal status.
    public var status: ReportStatus
    /// Who handles it now: a department or a party.
    public var assignee: Assignee?
    /// Every party the report was ever forwarded to.
    public var involvedParties: [PartyID]
    /// The date the work is planned for.
    @OptionalTimestamp public var scheduledFor: Date?
    /// The party's report of the work done in the current round.
    public var completion: Completion?
    /// The party that last reported the work done; a reopen goes back to it.
    public var lastCompletedBy: Party?
    /// The municipality's closing, while closed.
    public var closure: Closure?
    /// When the reporter confirmed the fix.
    @OptionalTimestamp public var confirmedAt: Date?
    public var reopenCount: Int
    /// Notes the reporter and the public may read.
    public var publicNotes: [Note]
    /// Notes for the municipality and its parties only (rule 3).
    public var internalNotes: [Note]
    public var comments: [Comment]
    /// The reporter's answer to the satisfaction survey (rule 14).
    public var feedback: Feedback?
    /// The main report this one is bundled under (rule 6).
    public var mainReportID: ReportID?
    /// The reports bundled under this one.
    public var duplicateIDs: [ReportID]
    /// Whether the reporter's personal data was erased (rule 12).
    public var personalDataErased: Bool
    /// The reporter's contact data and notification choice; `nil` in a redacted document.
    public var reporter: Reporter?
    /// The stream version of the last event folded in.
    public var version: Int64
    /// When the last event happened.
    @Timestamp public var updatedAt: Date


    /// The document of a report's state; `version` is the stream version of its last event
    /// (which `Report.version` equals unless the log holds events the domain cannot read).
    public init(_ report: Report, version: Int64) {
        id = report.id
        municipality = report.municipality
        channel = report.channel
        category = report.category
        description = report.description
        location = report.location
        photoURLs = report.photoURLs
        urgency = report.urgency
        externalReference = report.externalReference
        _submittedAt = Timestamp(wrappedValue: report.submittedAt)
        serviceLevel = ServiceLevel(acknowledgeBy: report.serviceLevel.acknowledgeBy, resolveBy: report.serviceLevel.resolveBy)
        status = report.status
        assignee = report.assignee.map(Assignee.init)
        involvedParties = report.involvedParties
        _scheduledFor = OptionalTimestamp(wrappedValue: report.scheduledFor)
        completion = report.completion.map { Completion(party: $0.party, photoURL: $0.photoURL, note: $0.note, at: $0.at) }
        lastCompletedBy = report.lastCompletedBy
        closure = report.closure.map { Closure(reason: $0.reason, publicNote: $0.publicNote, at: $0.at) }
        _confirmedAt = OptionalTimestamp(wrappedValue: report.confirmedAt)
        reopenCount = report.reopenCount
        publicNotes = report.publicNotes.map { Note(at: $0.at, text: $0.text) }
        internalNotes = report.internalNotes.map { Note(at: $0.at, text: $0.text) }
        comments = report.comments.map { Comment(author: $0.author, text: $0.text, visibility: $0.visibility, at: $0.at) }
        feedback = report.feedback.map { Feedback(score: $0.score, text: $0.text, at: $0.at) }
        mainReportID = report.mainReportID
        duplicateIDs = report.duplicateIDs
        personalDataErased = report.isPersonalDataErased
        reporter = Reporter(contact: report.contact, notificationPreference: report.notificationPreference)
        self.version = version
        _updatedAt = Timestamp(wrappedValue: report.updatedAt)
    }

    enum CodingKeys: String, CodingKey {
        case id, municipality, channel, category, description, location
        case photoURLs = "photo_urls"
        case urgency
        case externalReference = "external_reference"
        case submittedAt = "submitted_at"
        case serviceLevel = "service_level"
        case status, assignee
        case involvedParties = "involved_parties"
        case scheduledFor = "scheduled_for"
        case completion
        case lastCompletedBy = "last_completed_by"
        case closure
        case confirmedAt = "confirmed_at"
        case reopenCount = "reopen_count"
        case publicNotes = "public_notes"
        case internalNotes = "internal_notes"
        case comments, feedback
        case mainReportID = "main_report_id"
        case duplicateIDs = "duplicate_ids"
        case personalDataErased = "personal_data_erased"
        case reporter, version
        case updatedAt = "updated_at"
    }

    /// Writes every field, absent ones as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id.description, forKey: .id)
        try container.encode(municipality.rawValue, forKey: .municipality)
        try container.encode(channel.rawValue, forKey: .channel)
        try container.encode(category.rawValue, forKey: .category)
        try container.encode(description, forKey: .description)
        try container.encode(location: location, forKey: .location)
        try container.encode(strings: photoURLs, forKey: .photoURLs)
        try container.encode(urgency.rawValue, forKey: .urgency)
        try container.encode(externalReference: externalReference, forKey: .externalReference)
        try container.encode(moment: submittedAt, forKey: .submittedAt)
        var serviceLevelFields = container.nestedContainer(keyedBy: ServiceLevel.CodingKeys.self, forKey: .serviceLevel)
        try serviceLevelFields.encode(moment: serviceLevel.acknowledgeBy, forKey: .acknowledgeBy)
        try serviceLevelFields.encode(moment: serviceLevel.resolveBy, forKey: .resolveBy)
        try container.encode(status.rawValue, forKey: .status)
        try container.encode(part: assignee, forKey: .assignee)
        try container.encode(strings: involvedParties, forKey: .involvedParties)
        try container.encode(moment: scheduledFor, forKey: .scheduledFor)
        try container.encode(part: completion, forKey: .completion)
        try container.encode(party: lastCompletedBy, forKey: .lastCompletedBy)
        try container.encode(part: closure, forKey: .closure)
        try container.encode(moment: confirmedAt, forKey: .confirmedAt)
        try container.encode(reopenCount, forKey: .reopenCount)
        try container.encode(notes: publicNotes, forKey: .publicNotes)
        try container.encode(notes: internalNotes, forKey: .internalNotes)
        try container.encode(comments, forKey: .comments)
        try container.encode(part: feedback, forKey: .feedback)
        try container.encode(text: mainReportID?.description, forKey: .mainReportID)
        try container.encode(strings: duplicateIDs, forKey: .duplicateIDs)
        try container.encode(personalDataErased, forKey: .personalDataErased)
        try container.encode(part: reporter, forKey: .reporter)
        try container.encode(version, forKey: .version)
        try container.encode(moment: updatedAt, forKey: .updatedAt)
    }
}
