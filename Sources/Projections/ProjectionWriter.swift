import EventLog
import Foundation
import Postgres
import ReportDomain

/// Writes the live projector's batches: every row and the checkpoint in one transaction, and
/// only if the checkpoint is still where this projector left it.
///
/// The check is what makes a second projector (another hub process) or a rebuild harmless: both
/// take the same advisory lock first, so a batch either runs before them or sees that they moved
/// the checkpoint and is thrown away; the projector then continues from the stored checkpoint.
enum ProjectionWriter {
    enum Outcome: Sendable {
        case written
        /// Someone else moved the checkpoint; nothing was written.
        case moved(LogPoint)
    }

    static func write(
        _ rows: ProjectionRows, subscriber: String, from expected: LogPoint, to point: LogPoint, on connection: PGConnection
    ) throws -> Outcome {
        try connection.transaction { connection in
            let stored = try CheckpointStore.lockForWriting(subscriber, on: connection)
            guard stored == expected else { return .moved(stored) }
            // Rows and checkpoint commit together or not at all, so a crash that loses the last
            // moments of such commits only makes the projector project those events again: no
            // need to wait for the disk, and the reports' own commits do not queue behind this one.
            try connection.execute("SET LOCAL synchronous_commit = off")
            if !rows.reports.isEmpty {
                try connection.execute("""
                    CREATE TEMP TABLE IF NOT EXISTS incoming_report_projection
                        (LIKE hub.report_projection) ON COMMIT DELETE ROWS
                    """)
                try connection.copyIn(
                    "COPY pg_temp.incoming_report_projection (\(ReportRow.columns)) FROM STDIN", data: rows.reports.bytes)
                try connection.query(PGQuery(sql: upsertReports).prepared())
            }
            if !rows.history.isEmpty {
                try connection.execute("""
                    CREATE TEMP TABLE IF NOT EXISTS incoming_report_history
                        (LIKE hub.report_history) ON COMMIT DELETE ROWS
                    """)
                try connection.copyIn(
                    "COPY pg_temp.incoming_report_history (\(HistoryRow.columns)) FROM STDIN", data: rows.history.bytes)
                try connection.query(PGQuery(sql: insertHistory).prepared())
            }
            if !rows.erasures.isEmpty {
                let erase: PGQuery = """
                    UPDATE hub.report_history h SET internal_note = NULL
                      FROM unnest(\(PGArray(rows.erasures.map { $0.reportID.description }))::uuid[],
                                  \(PGArray(rows.erasures.map { String($0.beforeVersion) }))::bigint[]) AS e(report_id, version)
                     WHERE h.report_id = e.report_id AND h.stream_version < e.version AND h.reporter_words
                    """
                try connection.query(erase)
            }
            if !rows.externalIDs.isEmpty {
                try connection.execute("""
                    CREATE TEMP TABLE IF NOT EXISTS incoming_report_external_ids
                        (LIKE hub.report_external_ids) ON COMMIT DELETE ROWS
                    """)
                try connection.copyIn(
                    "COPY pg_temp.incoming_report_external_ids (\(ExternalIDRow.columns)) FROM STDIN", data: rows.externalIDs.bytes)
                try connection.query(PGQuery(sql: insertExternalIDs).prepared())
            }
            try CheckpointStore.save(point, for: subscriber, on: connection)
            return .written
        }
    }

    /// A report's row is replaced by a newer version only, so a replayed batch changes nothing.
    private static let upsertReports: String = {
        let columns = ReportRow.columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let updates = columns.filter { $0 != "report_id" }.map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
        return """
            INSERT INTO hub.report_projection (\(ReportRow.columns))
            SELECT \(ReportRow.columns) FROM pg_temp.incoming_report_projection
            ON CONFLICT (report_id) DO UPDATE SET \(updates)
             WHERE hub.report_projection.version < EXCLUDED.version
            """
    }()

    private static let insertHistory = """
        INSERT INTO hub.report_history (\(HistoryRow.columns))
        SELECT \(HistoryRow.columns) FROM pg_temp.incoming_report_history
        ON CONFLICT (report_id, stream_version) DO NOTHING
        """

    /// The first claim of an id stays (the live projector writes in log order).
    private static let insertExternalIDs = """
        INSERT INTO hub.report_external_ids (\(ExternalIDRow.columns))
        SELECT \(ExternalIDRow.columns) FROM pg_temp.incoming_report_external_ids
        ON CONFLICT (system, external_id) DO NOTHING
        """
}
