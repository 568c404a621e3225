import EventLog
import Foundation
import Postgres
import ReportDomain

/// Reads of the report read models, split by purpose: one report with its documents, a search,
/// a report's timeline, and how far the projection is.
///
/// Every value reaches the database as a bind parameter. These read what the projector has
/// committed; after a write, await `ReportProjector.waitUntilProjected(_:timeout:)` with the
/// append's point to read it back.
public struct ReportQueries: Sendable {
    public let pool: PGPool

    public init(pool: PGPool) {
        self.pool = pool
    }

    /// One report, or nil when the projection does not (yet) have it.
    public func report(id: ReportID) async throws -> ProjectedReport? {
        let query: PGQuery = """
            SELECT report_id, municipality, status, shown_public_status, shown_public_label, shown_open311_status,
                   assigned_party, to_jsonb(involved_parties)::text, main_report_id, reporter_token_hash, version,
                   submitted_at, updated_at, document::text, shown_public_document::text
              FROM hub.report_view
             WHERE report_id = \(id.uuid)
            """
        let result = try await run(query.prepared())
        guard result.rowCount == 1 else { return nil }
        let row = result.rows[0]
        return ProjectedReport(
            id: ReportID(try row.decode(UUID.self, 0)),
            municipality: MunicipalityCode(try row.decode(String.self, 1)),
            status: try Self.value(ReportStatus.self, row, 2),
            publicStatus: try Self.value(PublicStatusKind.self, row, 3),
            publicLabel: try row.decode(String.self, 4),
            open311Status: try Self.value(Open311Status.self, row, 5),
            assignedParty: try row.decode(String?.self, 6).map(PartyID.init),
            involvedParties: try Self.strings(row, 7).map(PartyID.init),
            mainReportID: try row.decode(UUID?.self, 8).map(ReportID.init),
            reporterTokenHash: try row.decode(String?.self, 9),
            version: try row.decode(Int64.self, 10),
            submittedAt: try row.decode(Date.self, 11),
            updatedAt: try row.decode(Date.self, 12),
            document: try Self.document(ReportDocument.self, row, 13),
            publicDocument: try Self.document(PublicReportDocument.self, row, 14))
    }

    /// A report's timeline, oldest first. `publicOnly`: only what the public may see, without
    /// actors and internal notes (rule 3).
    public func history(reportID: ReportID, publicOnly: Bool) async throws -> [HistoryEntry] {
        let query: PGQuery =
            publicOnly
            ? """
            SELECT report_id, stream_version, position, occurred_at, recorded_at, event_type, NULL::text,
                   public_summary, public_summary, public_note, NULL::text, photo_url
              FROM hub.report_history
             WHERE report_id = \(reportID.uuid) AND public_summary IS NOT NULL
             ORDER BY stream_version
            """
            : """
            SELECT report_id, stream_version, position, occurred_at, recorded_at, event_type, actor,
                   summary, public_summary, public_note, internal_note, photo_url
              FROM hub.report_history
             WHERE report_id = \(reportID.uuid)
             ORDER BY stream_version
            """
        let result = try await run(query.prepared())
        return try result.rows.map { row in
            HistoryEntry(
                reportID: ReportID(try row.decode(UUID.self, 0)), streamVersion: try row.decode(Int64.self, 1),
                position: try row.decode(Int64.self, 2), occurredAt: try row.decode(Date.self, 3),
                recordedAt: try row.decode(Date.self, 4), eventType: try row.decode(String.self, 5),
                actor: try row.decode(String?.self, 6), summary: try row.decode(String.self, 7),
                publicSummary: try row.decode(String?.self, 8), publicNote: try row.decode(String?.self, 9),
                internalNote: try row.decode(String?.self, 10), photoURL: try row.decode(String?.self, 11))
        }
    }

    /// The reading point up to which the projection has committed.
    public func projectedPoint() async throws -> LogPoint {
        do {
            return try await CheckpointStore(pool: pool).load(ReportProjector.subscriber)
        } catch let error as PGError {
            throw ProjectionError.database(error)
        }
    }

    func run(_ query: PGQuery) async throws -> PGResult {
        do {
            return try await pool.query(query)
        } catch let error as PGError {
            throw ProjectionError.database(error)
        }
    }

    static func value<T: RawRepresentable>(_ type: T.Type, _ row: PGRow, _ column: Int) throws -> T where T.RawValue == String {
        let text = try row.decode(String.self, column)
        guard let value = T(rawValue: text) else {
            throw PGError(code: .decoding, serverMessage: "unknown \(T.self) \(text) in column \(column)")
        }
        return value
    }

    static func strings(_ row: PGRow, _ column: Int) throws -> [String] {
        let json = try row.decode(String.self, column)
        guard let values = try? JSONDecoder().decode([String?].self, from: Data(json.utf8)) else {
            throw PGError(code: .decoding, serverMessage: "not a JSON array of text in column \(column)")
        }
        return values.compactMap { $0 }
    }

    static func document<T: Decodable>(_ type: T.Type, _ row: PGRow, _ column: Int) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(try row.decode(String.self, column).utf8))
    }
}
