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
            document: documents == .all ? try document(ReportDocument.self, row, 28) : nil,
            publicDocument: documents == .none ? nil : try document(PublicReportDocument.self, row, 29))
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
struct SearchPlan {
    enum Order { case newest, distance, similarity, relevance }

    static let maximumLimit = 200
    static let maximumRadius = 100_000.0
    static let totalColumn = 26
    static let submittedAtTextColumn = 27

    let query: PGQuery
    let order: Order
    let offset: Int
    /// Whether the page starts after a keyset cursor (so a window count misses what came before).
    let usesKeyset: Bool

    // swiftlint:disable:next function_body_length cyclomatic_complexity
    init(_ search: ReportSearch) throws(ProjectionError) {
        guard (1...Self.maximumLimit).contains(search.limit) else {
            throw .invalidSearch("limit must be between 1 and \(Self.maximumLimit)")
        }
        guard search.offset >= 0 else { throw .invalidSearch("offset must not be negative") }
        var sql = PGQuery.StringInterpolation(literalCapacity: 2048, interpolationCount: 24)
        var conditions: [(inout PGQuery.StringInterpolation) -> Void] = []
        func condition(_ build: @escaping (inout PGQuery.StringInterpolation) -> Void) { conditions.append(build) }

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
        order = search.near != nil ? .distance : address != nil ? .similarity : text != nil ? .relevance : .newest

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
        if let address {
            sql.appendLiteral(" hub.address_similarity(")
            sql.appendInterpolation(address)
            sql.appendLiteral("::text, hub.report_address_key(r.address, r.postcode))::float8 AS similarity,")
        } else {
            sql.appendLiteral(" NULL::float8 AS similarity,")
        }
        sql.appendLiteral(search.includeTotal ? " count(*) OVER ()," : " NULL::bigint,")
        sql.appendLiteral(" r.submitted_at::text,")
        sql.appendLiteral(search.documents == .all ? " r.document::text," : " NULL::text,")
        sql.appendLiteral(search.documents == .none ? " NULL::text" : " r.shown_public_document::text")
        if let text {
            sql.appendLiteral(", ts_rank_cd(hub.report_description_key(r.description), websearch_to_tsquery('dutch', ")
            sql.appendInterpolation(text)
            sql.appendLiteral("::text)) AS relevance")
        }
        sql.appendLiteral("\n  FROM hub.report_view r\n WHERE true")

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
        if let address {
            condition { $0.appendLiteral("hub.address_matches("); $0.appendInterpolation(address); $0.appendLiteral("::text, hub.report_address_key(r.address, r.postcode))") }
        }
        if let near = search.near {
            condition {
                $0.appendLiteral("point(r.longitude, r.latitude) <@ hub.box_around(")
                $0.appendInterpolation(near.latitude)
                $0.appendLiteral("::float8, ")
                $0.appendInterpolation(near.longitude)
                $0.appendLiteral("::float8, ")
                $0.appendInterpolation(near.radiusMetres)
                $0.appendLiteral("::float8) AND hub.distance_metres(")
                $0.appendInterpolation(near.latitude)
                $0.appendLiteral("::float8, ")
                $0.appendInterpolation(near.longitude)
                $0.appendLiteral("::float8, r.latitude, r.longitude) <= ")
                $0.appendInterpolation(near.radiusMetres)
                $0.appendLiteral("::float8")
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
        for build in conditions {
            sql.appendLiteral("\n   AND ")
            build(&sql)
        }
        switch order {
        case .distance: sql.appendLiteral("\n ORDER BY distance, r.report_id")
        case .similarity: sql.appendLiteral("\n ORDER BY similarity DESC, r.report_id")
        case .relevance: sql.appendLiteral("\n ORDER BY relevance DESC, r.submitted_at DESC, r.report_id DESC")
        case .newest: sql.appendLiteral("\n ORDER BY r.submitted_at DESC, r.report_id DESC")
        }
        // One more than asked, to know whether another page follows.
        sql.appendLiteral("\n LIMIT ")
        sql.appendInterpolation(search.limit + 1)
        sql.appendLiteral(" OFFSET ")
        sql.appendInterpolation(offset)
        query = PGQuery(stringInterpolation: sql)
    }
}
