import struct Foundation.Date

/// What anyone may see of a report (rule 3): its public status and public notes, never internal
/// notes, contact data, the reporter's own comments or who in the municipality handles it.
public struct PublicReport: Hashable, Sendable {
    /// The report's number.
    public let id: ReportID
    /// The municipality responsible for it.
    public let municipality: MunicipalityCode
    /// Its category.
    public let category: CategoryCode
    /// The reporter's description of the problem.
    public let description: String
    /// Where the problem is.
    public let location: Location
    /// The reporter's photos.
    public let photoURLs: [String]
    /// When it was reported.
    public let submittedAt: Date
    /// When the municipality expects to have handled it.
    public let expectedResolutionBy: Date?
    /// Its public status; for a merged report, the main report's.
    public let status: PublicStatus
    /// The municipality's label for that status.
    public let statusLabel: String
    /// Open or closed, for Open311 clients.
    public let open311Status: Open311Status
    /// What the municipality and the party told the public, oldest first.
    public let publicNotes: [ReportNote]
    /// The photo of the fix the party sent.
    public let completionPhotoURL: String?
    /// The main report, when this one is bundled under it.
    public let mainReportID: ReportID?
    /// When it last changed.
    public let updatedAt: Date

    /// The public view of a report under a municipality's policy; pass the main report's state
    /// for a merged report so that it shows its main report's status (rule 6).
    public init(_ report: Report, policy: PublicStatusPolicy, main: Report? = nil) {
        let status = policy.status(of: report, main: main)
        id = report.id
        municipality = report.municipality
        category = report.category
        description = report.description
        location = report.location
        photoURLs = report.photoURLs
        submittedAt = report.submittedAt
        expectedResolutionBy = report.serviceLevel.resolveBy
        self.status = status
        statusLabel = policy.label(for: status)
        open311Status = policy.open311Status(of: report, main: main)
        publicNotes = Self.publicNotes(of: report)
        completionPhotoURL = report.completion?.photoURL
        mainReportID = report.mainReportID
        updatedAt = report.updatedAt
    }

    /// Public notes from status updates, public comments by the municipality or a party, the
    /// party's note on its fix and the closing note, in time order.
    private static func publicNotes(of report: Report) -> [ReportNote] {
        var notes = report.publicNotes
        for comment in report.comments where comment.visibility == .public && comment.author != .reporter {
            if let text = comment.text {
                notes.append(ReportNote(at: comment.at, text: text))
            }
        }
        if let completion = report.completion, let note = completion.note {
            notes.append(ReportNote(at: completion.at, text: note))
        }
        if let closure = report.closure, let note = closure.publicNote {
            notes.append(ReportNote(at: closure.at, text: note))
        }
        return notes.enumerated()
            .sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
            .map(\.element)
    }
}
