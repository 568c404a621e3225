import Foundation
import Postgres
import ReportDomain

extension ReportQueries {
    /// The access facts of several reports at once (the events feed filters a page with them).
    public func access(of ids: [ReportID]) async throws -> [ReportID: ReportAccess] {
        guard !ids.isEmpty else { return [:] }
        let query: PGQuery = """
            SELECT report_id, municipality, to_jsonb(involved_parties)::text FROM hub.report_projection \
            WHERE report_id = ANY(\(PGArray(ids.map(\.description)))::uuid[])
            """
        var result: [ReportID: ReportAccess] = [:]
        for row in try await run(query.prepared()).rows {
            let id = ReportID(try row.decode(UUID.self, 0))
            let parties = try Self.strings(row, 2).map(PartyID.init)
            result[id] = ReportAccess(municipality: MunicipalityCode(try row.decode(String.self, 1)), involvedParties: parties)
        }
        return result
    }
}
