import Foundation
import Projections
import ReportDomain

/// `GET /api/v1/reports/{id}/history`: the report's timeline, public or internal by the caller's view.
struct HistoryPage: Encodable {
    struct Entry: Encodable {
        var version: Int64
        var position: Int64
        var occurredAt: Date
        var recordedAt: Date
        var eventType: String
        var actor: String?
        var summary: String
        var note: String?
        var internalNote: String?
        var photoURL: String?

        enum CodingKeys: String, CodingKey {
            case version, position, actor, summary, note
            case occurredAt = "occurred_at"
            case recordedAt = "recorded_at"
            case eventType = "event_type"
            case internalNote = "internal_note"
            case photoURL = "photo_url"
        }
    }

    var reportID: ReportID
    var view: String
    var entries: [Entry]

    enum CodingKeys: String, CodingKey {
        case view, entries
        case reportID = "report_id"
    }

    init(reportID: ReportID, view: Caller.View, entries: [HistoryEntry]) {
        self.reportID = reportID
        let isPublic = view == .public || view == .reporter
        self.view = isPublic ? "public" : "internal"
        self.entries = entries.map { entry in
            Entry(
                version: entry.streamVersion, position: entry.position, occurredAt: entry.occurredAt,
                recordedAt: entry.recordedAt, eventType: entry.eventType,
                // Who did what inside the municipality is internal detail (rule 3).
                actor: isPublic ? nil : entry.actor,
                summary: isPublic ? (entry.publicSummary ?? entry.summary) : entry.summary,
                note: entry.publicNote, internalNote: isPublic ? nil : entry.internalNote, photoURL: entry.photoURL)
        }
    }
}
