import Foundation
import HubConfig
import Projections
import ReportDomain

/// What the status page template shows, already formatted for a Dutch reader. Built only from
/// the public document and the public timeline, so personal data cannot reach the page.
struct StatusPageView {
    struct Step {
        var at: String
        var summary: String
        var note: String?
        var photoURL: String?
    }

    var number: String
    var shortNumber: String
    var municipalityName: String
    var categoryName: String
    var statusLabel: String
    var statusKind: String
    var mainReport: Bool
    var submittedAt: String
    var updatedAt: String
    var expectedBy: String?
    var address: String?
    var description: String
    var completionPhotoURL: String?
    var timeline: [Step]

    init(_ row: ProjectedReport, history: [HistoryEntry], configuration: HubConfiguration) {
        let document = row.publicDocument
        let municipality = configuration.municipality(row.municipality)
        number = row.id.description
        shortNumber = String(row.id.description.prefix(8)).uppercased()
        municipalityName = municipality?.name ?? row.municipality.rawValue
        categoryName = municipality?.category(document.category)?.name ?? document.category.rawValue
        statusLabel = document.status.label
        statusKind = document.status.kind.rawValue
        mainReport = document.mainReportID != nil
        submittedAt = Self.format(document.submittedAt)
        updatedAt = Self.format(document.updatedAt)
        expectedBy = document.expectedResolutionBy.map(Self.format)
        address = [document.location.address, document.location.postcode].compactMap { $0 }.joined(separator: ", ")
        if address?.isEmpty == true { address = nil }
        description = document.description
        completionPhotoURL = document.completionPhotoURL.flatMap(Self.safeURL)
        timeline = history.compactMap { entry in
            guard let summary = entry.publicSummary else { return nil }
            return Step(at: Self.format(entry.occurredAt), summary: summary, note: entry.publicNote, photoURL: entry.photoURL.flatMap(Self.safeURL))
        }
    }

    /// Only http(s) addresses reach an `src` attribute.
    static func safeURL(_ text: String) -> String? {
        text.hasPrefix("https://") || text.hasPrefix("http://") ? text : nil
    }

    static func format(_ date: Date) -> String {
        formatter.string(from: date)
    }

    private static let formatter: DateFormatter = {
        // DateFormatter is thread-safe for formatting once configured (Foundation documents it so
        // since iOS 7 / corelibs); it is never mutated after this.
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "nl_NL")
        formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        formatter.dateFormat = "d MMMM yyyy, HH:mm"
        return formatter
    }()
}
