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
                try stage(rows.reports, in: "incoming_report_projection", like: "hub.report_projection", columns: ReportRow.columns, on: connection)
                try connection.query(PGQuery(sql: upsertReports).prepared())
            }
            if !rows.history.isEmpty {
                try stage(rows.history, in: "incoming_report_history", like: "hub.report_history", columns: HistoryRow.columns, on: connection)
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
                try stage(rows.externalIDs, in: "incoming_report_external_ids", like: "hub.report_external_ids", columns: ExternalIDRow.columns, on: connection)
                try connection.query(PGQuery(sql: insertExternalIDs).prepared())
            }
            try CheckpointStore.save(point, for: subscriber, on: connection)
            return .written
        }
    }

    /// Loads rows into a session table of the connection, from which one statement moves them on.
    ///
    /// The statements that read a staging table also empty it (`DELETE … RETURNING`). The tables
    /// are not `ON COMMIT DELETE ROWS`: PostgreSQL then truncates every such table at every commit
    /// of a transaction that touched one, and that truncation made each projector commit cost
    /// about 1.2 ms (found with `log_min_duration_statement` during `hub bench deliveries`),
    /// against a few hundredths of a millisecond now. A temporary table is never vacuumed, so the
    /// space its deleted rows held is given back by a `TRUNCATE` before a large load, and before
    /// one small load in 64, at random (the projector's batches may go to any of the pool's
    /// connections, each with its own tables, so a counter of the projector's would not do).
    private static func stage(_ rows: CopyText, in table: String, like source: String, columns: String, on connection: PGConnection) throws {
        try connection.execute("CREATE TEMP TABLE IF NOT EXISTS \(table) (LIKE \(source))")
        if rows.rows > 256 || Int.random(in: 0..<64) == 0 {
            try connection.execute("TRUNCATE pg_temp.\(table)")
        }
        try connection.copyIn("COPY pg_temp.\(table) (\(columns)) FROM STDIN", data: rows.bytes)
    }

    /// A report's row is replaced by a newer version only, so a replayed batch changes nothing.
    private static let upsertReports: String = {
        let columns = ReportRow.columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let updates = columns.filter { $0 != "report_id" }.map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
        return """
            WITH incoming AS (DELETE FROM pg_temp.incoming_report_projection RETURNING *)
            INSERT INTO hub.report_projection (\(ReportRow.columns))
            SELECT \(ReportRow.columns) FROM incoming
            ON CONFLICT (report_id) DO UPDATE SET \(updates)
             WHERE hub.report_projection.version < EXCLUDED.version
            """
    }()

    private static let insertHistory = """
        WITH incoming AS (DELETE FROM pg_temp.incoming_report_history RETURNING *)
        INSERT INTO hub.report_history (\(HistoryRow.columns))
        SELECT \(HistoryRow.columns) FROM incoming
        ON CONFLICT (report_id, stream_version) DO NOTHING
        """

    /// The first claim of an id stays (the live projector writes in log order).
    private static let insertExternalIDs = """
        WITH incoming AS (DELETE FROM pg_temp.incoming_report_external_ids RETURNING *)
        INSERT INTO hub.report_external_ids (\(ExternalIDRow.columns))
        SELECT \(ExternalIDRow.columns) FROM incoming
        ON CONFLICT (system, external_id) DO NOTHING
        """
}
