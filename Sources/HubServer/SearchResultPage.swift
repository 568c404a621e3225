import Foundation
import Projections

/// `GET /api/v1/reports`: matching reports in the caller's view, and where the next page starts.
struct SearchResultPage: Encodable {
    struct Item: Encodable {
        var report: ReportView.Document
        var distanceMetres: Double?
        var addressSimilarity: Double?

        enum CodingKeys: String, CodingKey {
            case report
            case distanceMetres = "distance_metres"
            case addressSimilarity = "address_similarity"
        }
    }

    var view: String
    var items: [Item]
    var hasMore: Bool
    var total: Int?
    var nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case view, items, total
        case hasMore = "has_more"
        case nextCursor = "next_cursor"
    }

    init(page: ReportSearchPage, view: Caller.View) {
        self.view = switch view {
        case .internal: "internal"
        case .internalRedacted: "internal_redacted"
        case .reporter, .public: "public"
        }
        items = page.items.compactMap { summary in
            let document: ReportView.Document?
            switch view {
            case .internal: document = summary.document.map { .full($0) }
            case .internalRedacted: document = summary.document.map { .full($0.redacted()) }
            case .reporter, .public: document = summary.publicDocument.map { .shown($0) }
            }
            return document.map { Item(report: $0, distanceMetres: summary.distanceMetres, addressSimilarity: summary.addressSimilarity) }
        }
        hasMore = page.hasMore
        total = page.total
        nextCursor = page.nextCursor
    }
}
