import Foundation
import Postgres
import ReportDomain

extension ReportQueries {
    /// The reports matching `search`, one page at a time.
    public func search(_ search: ReportSearch) async throws -> ReportSearchPage {
        let plan = try SearchPlan(search)
        let result = try await run(plan.query)
        var items: [ReportSummary] = []
        items.reserveCapacity(min(result.rowCount, search.limit))
        for row in result.rows.prefix(search.limit) {
            items.append(try Self.summary(row, documents: search.documents))
        }
        let hasMore = result.rowCount > search.limit
        var total: Int?
        if search.includeTotal {
            // The window count covers every match unless a keyset cursor cut some off.
            if !plan.usesKeyset, result.rowCount > 0 {
                total = try result.rows[0].decode(Int.self, SearchPlan.totalColumn)
            } else if !plan.usesKeyset, plan.offset == 0 {
                total = 0
            } else {
                total = try await self.search(ReportSearch(copying: search, limit: 1)).total
            }
        }
        var next: String?
        if hasMore, let last = result.rows.prefix(search.limit).last {
            next = plan.order == .newest
                ? SearchCursor(after: try last.decode(String.self, SearchPlan.submittedAtTextColumn), id: items[items.count - 1].id).encoded
                : SearchCursor.offset(plan.offset + search.limit).encoded
        }
        return ReportSearchPage(items: items, hasMore: hasMore, total: total, nextCursor: next)
    }

    private static func summary(_ row: PGRow, documents: ReportSearch.Documents) throws -> ReportSummary {
        ReportSummary(
            id: ReportID(try row.decode(UUID.self, 0)),
            municipality: MunicipalityCode(try row.decode(String.self, 1)),
            category: CategoryCode(try row.decode(String.self, 2)),
            channel: Channel(try row.decode(String.self, 3)),
            status: try value(ReportStatus.self, row, 4),
            publicStatus: try value(PublicStatusKind.self, row, 5),
            publicLabel: try row.decode(String.self, 6),
            open311Status: try value(Open311Status.self, row, 7),
            urgency: try value(Urgency.self, row, 8),
            description: try row.decode(String.self, 9),
            latitude: try row.decode(Double.self, 10),
            longitude: try row.decode(Double.self, 11),
            address: try row.decode(String?.self, 12),
            postcode: try row.decode(String?.self, 13),
            assignedParty: try row.decode(String?.self, 14).map(PartyID.init),
            assignedPartyName: try row.decode(String?.self, 15),
            assignedDepartment: try row.decode(String?.self, 16),
            involvedParties: try strings(row, 17).map(PartyID.init),
            mainReportID: try row.decode(UUID?.self, 18).map(ReportID.init),
            submittedAt: try row.decode(Date.self, 19),
            updatedAt: try row.decode(Date.self, 20),
            resolveBy: try row.decode(Date?.self, 21),
            completionPhotoURL: try row.decode(String?.self, 22),
            version: try row.decode(Int64.self, 23),
            distanceMetres: try row.decode(Double?.self, 24),
            addressSimilarity: try row.decode(Double?.self, 25),
            document: documents == .all ? try document(ReportDocument.self, row, SearchPlan.documentColumn) : nil,
            publicDocument: documents == .none ? nil : try document(PublicReportDocument.self, row, SearchPlan.publicDocumentColumn))
    }
}

extension ReportSearch {
    init(copying search: ReportSearch, limit: Int) {
        self = search
        self.limit = limit
        self.offset = 0
        self.cursor = nil
        self.includeTotal = true
        self.documents = .none
    }
}

/// A search turned into one statement: fixed SQL fragments chosen by which filters are set,
/// every value a bind parameter.
///
/// The orders by distance and by address similarity read about a page of rows, not every match
/// (schemas/postgres/0022_search_speed.sql): nearest first finds the distance of the last row
/// the page needs with the map index, then sorts only the matches within that distance; best
/// address first walks the matching addresses and postcodes best first and stops when the page
/// is full. Documents are read for the rows of the page only.
struct SearchPlan {
    enum Order { case newest, distance, similarity, relevance }

    static let maximumLimit = 200
    static let maximumRadius = 100_000.0
    static let totalColumn = 26
    static let submittedAtTextColumn = 27
    static let documentColumn = 29
    static let publicDocumentColumn = 30

    let query: PGQuery
    let order: Order
    let offset: Int
    /// Whether the page starts after a keyset cursor (so a window count misses what came before).
    let usesKeyset: Bool

    private typealias Fragment = (inout PGQuery.StringInterpolation) -> Void

    // swiftlint:disable:next function_body_length cyclomatic_complexity
    init(_ search: ReportSearch) throws(ProjectionError) {
        guard (1...Self.maximumLimit).contains(search.limit) else {
            throw .invalidSearch("limit must be between 1 and \(Self.maximumLimit)")
        }
        guard search.offset >= 0 else { throw .invalidSearch("offset must not be negative") }
        var sql = PGQuery.StringInterpolation(literalCapacity: 4096, interpolationCount: 48)
        var conditions: [Fragment] = []
        func condition(_ build: @escaping Fragment) { conditions.append(build) }

        let address = search.address.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
        let text = search.text.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        if let near = search.near {
            guard near.latitude.isFinite, (-90...90).contains(near.latitude), near.longitude.isFinite,
                (-180...180).contains(near.longitude)
            else { throw .invalidSearch("the position must be WGS84 degrees: latitude -90…90, longitude -180…180") }
            guard near.radiusMetres.isFinite, near.radiusMetres > 0, near.radiusMetres <= Self.maximumRadius else {
                throw .invalidSearch("the radius must be more than 0 and at most \(Int(Self.maximumRadius)) metres")
            }
        }
        let order: Order = search.near != nil ? .distance : address != nil ? .similarity : text != nil ? .relevance : .newest
        self.order = order

        var cursorPoint: (submittedAt: String, id: ReportID)?
        var offset = search.offset
        if let cursor = search.cursor {
            switch try SearchCursor(cursor) {
            case .after(let submittedAt, let id):
                guard order == .newest else { throw .invalidSearch("the cursor belongs to a search in another order") }
                cursorPoint = (submittedAt, id)
                offset = 0
            case .offset(let value):
                guard order != .newest else { throw .invalidSearch("the cursor belongs to a search in another order") }
                offset = value
            }
        }
        self.offset = offset
        usesKeyset = cursorPoint != nil
        // The rows up to the end of the page, and one more to know whether another page follows.
        let (rowsNeeded, overflow) = offset.addingReportingOverflow(search.limit + 1)
        let throughPage = overflow ? Int.max : rowsNeeded

        if let municipalities = search.municipalities {
            condition { $0.appendLiteral("r.municipality = ANY("); $0.appendInterpolation(PGArray(municipalities.map(\.rawValue))); $0.appendLiteral("::text[])") }
        }
        if let party = search.visibleToParty {
            condition { $0.appendLiteral("r.involved_parties @> ARRAY["); $0.appendInterpolation(party.rawValue); $0.appendLiteral("::text]") }
        }
        if let party = search.party {
            condition {
                $0.appendLiteral("(r.assigned_party = ")
                $0.appendInterpolation(party.rawValue)
                $0.appendLiteral("::text OR r.involved_parties @> ARRAY[")
                $0.appendInterpolation(party.rawValue)
                $0.appendLiteral("::text])")
            }
        }
        if let number = search.reportNumber {
            let prefix = try ReportNumberPrefix(number)
            condition {
                if prefix.isWholeNumber {
                    $0.appendLiteral("r.report_id = ")
                    $0.appendInterpolation(prefix.lowest)
                    $0.appendLiteral("::uuid")
                } else {
                    $0.appendLiteral("r.report_id BETWEEN ")
                    $0.appendInterpolation(prefix.lowest)
                    $0.appendLiteral("::uuid AND ")
                    $0.appendInterpolation(prefix.highest)
                    $0.appendLiteral("::uuid")
                }
            }
        }
        if let externalID = search.externalID {
            condition {
                $0.appendLiteral("r.report_id IN (SELECT x.report_id FROM hub.report_external_ids x WHERE x.external_id = ")
                $0.appendInterpolation(externalID)
                $0.appendLiteral("::text")
                if let system = search.externalSystem {
                    $0.appendLiteral(" AND x.system = ")
                    $0.appendInterpolation(system)
                    $0.appendLiteral("::text")
                }
                $0.appendLiteral(")")
            }
        }
        if !search.statuses.isEmpty {
            condition { $0.appendLiteral("r.status = ANY("); $0.appendInterpolation(PGArray(search.statuses.map(\.rawValue))); $0.appendLiteral("::text[])") }
        }
        if !search.publicStatuses.isEmpty {
            condition {
                $0.appendLiteral("r.shown_public_status = ANY(")
                $0.appendInterpolation(PGArray(search.publicStatuses.map(\.rawValue)))
                $0.appendLiteral("::text[])")
            }
        }
        if !search.categories.isEmpty {
            condition { $0.appendLiteral("r.category = ANY("); $0.appendInterpolation(PGArray(search.categories.map(\.rawValue))); $0.appendLiteral("::text[])") }
        }
        if let from = search.submittedFrom {
            condition { $0.appendLiteral("r.submitted_at >= "); $0.appendInterpolation(from); $0.appendLiteral("::timestamptz") }
        }
        if let before = search.submittedBefore {
            condition { $0.appendLiteral("r.submitted_at < "); $0.appendInterpolation(before); $0.appendLiteral("::timestamptz") }
        }
        // Best first, the address terms lead the search (below); otherwise an address filters.
        if let address, order != .similarity {
            condition {
                $0.appendLiteral("hub.report_address_matches(")
                $0.appendInterpolation(address)
                $0.appendLiteral("::text, r.address, r.postcode)")
            }
        }
        if let text {
            condition { $0.appendLiteral("hub.report_description_key(r.description) @@ websearch_to_tsquery('dutch', "); $0.appendInterpolation(text); $0.appendLiteral("::text)") }
        }
        if let cursorPoint {
            condition {
                $0.appendLiteral("(r.submitted_at, r.report_id) < (")
                $0.appendInterpolation(cursorPoint.submittedAt)
                $0.appendLiteral("::timestamptz, ")
                $0.appendInterpolation(cursorPoint.id.uuid)
                $0.appendLiteral("::uuid)")
            }
        }
        func appendConditions(_ sql: inout PGQuery.StringInterpolation, within cutoff: Fragment?) {
            for build in conditions {
                sql.appendLiteral("\n   AND ")
                build(&sql)
            }
            guard let near = search.near, let cutoff else { return }
            sql.appendLiteral("\n   AND hub.mercator_point(r.latitude, r.longitude) <@ hub.mercator_box_around(")
            sql.appendInterpolation(near.latitude)
            sql.appendLiteral("::float8, ")
            sql.appendInterpolation(near.longitude)
            sql.appendLiteral("::float8, ")
            cutoff(&sql)
            sql.appendLiteral(")\n   AND hub.distance_metres(")
            sql.appendInterpolation(near.latitude)
            sql.appendLiteral("::float8, ")
            sql.appendInterpolation(near.longitude)
            sql.appendLiteral("::float8, r.latitude, r.longitude) <= ")
            cutoff(&sql)
        }
        let radius: Fragment? = search.near.map { near in
            { $0.appendInterpolation(near.radiusMetres); $0.appendLiteral("::float8") }
        }

        let pagesDocuments = search.documents != .none
        if pagesDocuments {
            sql.appendLiteral("SELECT page.*,")
            sql.appendLiteral(search.documents == .all ? " d.document::text," : " NULL::text,")
            sql.appendLiteral(" d.shown_public_document::text\n  FROM (\n")
        }

        // Nearest first: the exact distance of the last row the page needs, from the first rows
        // the map index yields, nearest first (its order is the true one to within a hair, and
        // any rows will do: the page takes every match up to their farthest). A total counts
        // every match in the radius anyway.
        var cutoff = radius
        if order == .distance, let near = search.near, !search.includeTotal {
            sql.appendLiteral("WITH nearest AS MATERIALIZED (\nSELECT hub.distance_metres(")
            sql.appendInterpolation(near.latitude)
            sql.appendLiteral("::float8, ")
            sql.appendInterpolation(near.longitude)
            sql.appendLiteral("::float8, r.latitude, r.longitude) AS distance\n  FROM hub.report_view r\n WHERE true")
            appendConditions(&sql, within: radius)
            sql.appendLiteral("\n ORDER BY hub.mercator_point(r.latitude, r.longitude) <-> hub.mercator_point(")
            sql.appendInterpolation(near.latitude)
            sql.appendLiteral("::float8, ")
            sql.appendInterpolation(near.longitude)
            sql.appendLiteral("::float8)\n LIMIT ")
            sql.appendInterpolation(throughPage)
            sql.appendLiteral("\n), cutoff AS (SELECT max(distance) AS metres FROM nearest)\n")
            cutoff = { $0.appendLiteral("(SELECT metres FROM cutoff)") }
        }

        // Best address first: the terms like the text, best first; per term its reports from an
        // index alone, lowest ids first and no more than the page needs (a term's reports are
        // equally similar, so the page takes those first); the sort by similarity stops once the
        // page is full. A report comes through the better matching of its address and postcode
        // only: not through one when the other is a term at least as similar (ties: the address).
        if order == .similarity, let address {
            sql.appendLiteral("WITH terms AS MATERIALIZED (SELECT t.term, t.similarity FROM hub.report_address_terms_like(")
            sql.appendInterpolation(address)
            sql.appendLiteral("::text) t)\n")
        }

        sql.appendLiteral("""
            SELECT r.report_id, r.municipality, r.category, r.channel, r.status, r.shown_public_status,
                   r.shown_public_label, r.shown_open311_status, r.urgency, r.description, r.latitude, r.longitude,
                   r.address, r.postcode, r.assigned_party, r.assigned_party_name, r.assigned_department,
                   to_jsonb(r.involved_parties)::text, r.main_report_id, r.submitted_at, r.updated_at, r.resolve_by,
                   r.completion_photo_url, r.version,
            """)
        if let near = search.near {
            sql.appendLiteral(" hub.distance_metres(")
            sql.appendInterpolation(near.latitude)
            sql.appendLiteral("::float8, ")
            sql.appendInterpolation(near.longitude)
            sql.appendLiteral("::float8, r.latitude, r.longitude) AS distance,")
        } else {
            sql.appendLiteral(" NULL::float8 AS distance,")
        }
        if order == .similarity {
            sql.appendLiteral(" ids.similarity::float8 AS similarity, ids.total,")
        } else {
            if let address {
                sql.appendLiteral(" hub.report_address_similarity(")
                sql.appendInterpolation(address)
                sql.appendLiteral("::text, r.address, r.postcode)::float8 AS similarity,")
            } else {
                sql.appendLiteral(" NULL::float8 AS similarity,")
            }
            sql.appendLiteral(search.includeTotal ? " count(*) OVER () AS total," : " NULL::bigint AS total,")
        }
        sql.appendLiteral(" r.submitted_at::text AS submitted_text,")
        if let text {
            sql.appendLiteral(" ts_rank_cd(hub.report_description_key(r.description), websearch_to_tsquery('dutch', ")
            sql.appendInterpolation(text)
            sql.appendLiteral("::text)) AS relevance")
        } else {
            sql.appendLiteral(" NULL::real AS relevance")
        }
        if !pagesDocuments { sql.appendLiteral(", NULL::text, NULL::text") }

        if order == .similarity {
            // Only the public status a merged report shows needs the view; without it, the ids
            // come from the indexes alone.
            let source = search.publicStatuses.isEmpty ? "hub.report_projection" : "hub.report_view"
            sql.appendLiteral("\n  FROM (SELECT t.similarity, x.report_id,")
            sql.appendLiteral(search.includeTotal ? " count(*) OVER () AS total" : " NULL::bigint AS total")
            sql.appendLiteral("\n          FROM (SELECT t.term, t.similarity FROM terms t ORDER BY t.similarity DESC) t\n         CROSS JOIN LATERAL (")
            for (column, other, beaten) in [("address", "postcode", ">"), ("postcode", "address", ">=")] {
                sql.appendLiteral(column == "address" ? "\n(" : "\n UNION ALL\n(")
                sql.appendLiteral("SELECT r.report_id FROM \(source) r\n WHERE r.\(column) = t.term")
                sql.appendLiteral("\n   AND coalesce(r.\(other) <> ALL (ARRAY(SELECT b.term FROM terms b WHERE b.similarity \(beaten) t.similarity)), true)")
                appendConditions(&sql, within: cutoff)
                sql.appendLiteral("\n ORDER BY r.report_id")
                // A total counts every match.
                if !search.includeTotal {
                    sql.appendLiteral(" LIMIT ")
                    sql.appendInterpolation(throughPage)
                }
                sql.appendLiteral(")")
            }
            sql.appendLiteral(") x\n ORDER BY t.similarity DESC, x.report_id\n LIMIT ")
            sql.appendInterpolation(search.limit + 1)
            sql.appendLiteral(" OFFSET ")
            sql.appendInterpolation(offset)
            sql.appendLiteral(") ids\n  JOIN hub.report_view r ON r.report_id = ids.report_id\n ORDER BY ids.similarity DESC, r.report_id")
        } else {
            sql.appendLiteral("\n  FROM hub.report_view r\n WHERE true")
            appendConditions(&sql, within: cutoff)
            switch order {
            case .distance: sql.appendLiteral("\n ORDER BY distance, r.report_id")
            case .relevance: sql.appendLiteral("\n ORDER BY relevance DESC, r.submitted_at DESC, r.report_id DESC")
            case .newest, .similarity: sql.appendLiteral("\n ORDER BY r.submitted_at DESC, r.report_id DESC")
            }
            sql.appendLiteral("\n LIMIT ")
            sql.appendInterpolation(search.limit + 1)
            sql.appendLiteral(" OFFSET ")
            sql.appendInterpolation(offset)
        }

        if pagesDocuments {
            sql.appendLiteral("\n) page\n  JOIN hub.report_view d ON d.report_id = page.report_id")
            switch order {
            case .distance: sql.appendLiteral("\n ORDER BY page.distance, page.report_id")
            case .similarity: sql.appendLiteral("\n ORDER BY page.similarity DESC, page.report_id")
            case .relevance: sql.appendLiteral("\n ORDER BY page.relevance DESC, page.submitted_at DESC, page.report_id DESC")
            case .newest: sql.appendLiteral("\n ORDER BY page.submitted_at DESC, page.report_id DESC")
            }
        }
        query = PGQuery(stringInterpolation: sql)
    }
}
