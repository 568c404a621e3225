import EventLog
import Postgres

/// The writing side of a rebuild: one transaction that empties the read models, loads every
/// chunk with COPY, and commits them with the checkpoint.
enum RebuildWriter {
    static func write(from handoff: RebuildHandoff<RebuildChunk>, on connection: PGConnection) throws -> LogPoint {
        try connection.transaction { connection in
            // After this lock, a live projector's batch waits for the rebuild, then sees the
            // rebuild's checkpoint and continues from it.
            _ = try CheckpointStore.lockForWriting(ReportProjector.subscriber, on: connection)
            try connection.execute("TRUNCATE hub.report_projection, hub.report_history, hub.report_external_ids")
            // The search indexes and the tables' keys are built once at the end: several times
            // cheaper than maintaining them row by row.
            try connection.execute("SELECT hub.drop_report_projection_indexes(), hub.drop_report_rebuild_keys()")
            // External ids go through a table without the unique key, so that the earliest
            // claim of an id can win across reports.
            try connection.execute("""
                CREATE TEMP TABLE rebuild_report_external_ids (LIKE hub.report_external_ids) ON COMMIT DROP
                """)
            var point = LogPoint.start
            while let chunk = try handoff.take() {
                // FREEZE: the tables were emptied in this transaction, so the rows can be
                // written frozen, sparing the vacuum that would otherwise rewrite them all.
                if !chunk.rows.reports.isEmpty {
                    try connection.copyIn(
                        "COPY hub.report_projection (\(ReportRow.columns)) FROM STDIN WITH (FREEZE)", data: chunk.rows.reports.bytes)
                }
                if !chunk.rows.history.isEmpty {
                    try connection.copyIn(
                        "COPY hub.report_history (\(HistoryRow.columns)) FROM STDIN WITH (FREEZE)", data: chunk.rows.history.bytes)
                }
                if !chunk.rows.externalIDs.isEmpty {
                    try connection.copyIn(
                        "COPY pg_temp.rebuild_report_external_ids (\(ExternalIDRow.columns)) FROM STDIN",
                        data: chunk.rows.externalIDs.bytes)
                }
                if let last = chunk.point { point = last }
            }
            try connection.execute("""
                INSERT INTO hub.report_external_ids (\(ExternalIDRow.columns))
                SELECT DISTINCT ON (system, external_id) \(ExternalIDRow.columns)
                  FROM pg_temp.rebuild_report_external_ids
                 ORDER BY system, external_id, transaction_id, position
                """)
            try connection.execute("SELECT hub.create_report_rebuild_keys(), hub.create_report_projection_indexes()")
            try CheckpointStore.save(point, for: ReportProjector.subscriber, on: connection)
            return point
        }
    }
}
