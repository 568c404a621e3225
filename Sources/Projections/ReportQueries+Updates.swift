import Foundation
import Postgres
import ReportDomain

extension ReportQueries {
    /// The public steps of a municipality's reports in a window, oldest first; with `visibleToParty`
    /// only those of reports the party may see.
    public func publicUpdates(
        municipality: MunicipalityCode, visibleToParty: PartyID?, from: Date, to: Date, limit: Int
    ) async throws -> [PublicUpdate] {
        let query: PGQuery = """
            SELECT * FROM hub.public_updates(\(municipality.rawValue), \(visibleToParty?.rawValue), \
            \(from), \(to), \(limit))
            """
        return try await run(query.prepared()).rows.map { row in
            PublicUpdate(
                eventID: try row.decode(UUID.self, 0), reportID: ReportID(try row.decode(UUID.self, 1)),
                eventType: try row.decode(String.self, 2), occurredAt: try row.decode(Date.self, 3),
                publicSummary: try row.decode(String?.self, 4), publicNote: try row.decode(String?.self, 5),
                photoURL: try row.decode(String?.self, 6),
                closureReason: try row.decode(String?.self, 7).flatMap(ClosureReason.init(rawValue:)))
        }
    }
}
