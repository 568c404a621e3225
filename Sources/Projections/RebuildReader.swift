import struct Foundation.Date
import EventLog
import Postgres
import ReportDomain

/// The reading side of a rebuild: one snapshot, every event below the log's horizon, stream by
/// stream, handed on as whole reports for the folding threads.
struct RebuildReader {
    struct Summary: Sendable {
        var events = 0
        /// Streams of reports read (a report whose events the domain cannot read counts too).
        var reports = 0
        /// The highest point read: the rebuild's checkpoint.
        var highest = LogPoint.start
    }

    let progress: (@Sendable (ProjectionRebuild.Progress) -> Void)?

    /// Reports per batch handed to a folding thread.
    static let batchSize = 500

    func read(on connection: PGConnection, into reports: RebuildHandoff<[RebuildReport]>) throws -> Summary {
        try connection.transaction(.readOnlySnapshot) { connection in
            // Only below the horizon of the log's readers (0044_event_writers_by_table_lock.sql): nothing can
            // later commit before the highest point read. Not below the snapshot's xmin, which
            // any open transaction in the cluster holds back, though most never add an event.
            // The first statement, so that the snapshot and the horizon's look at the writers
            // are as close together as they can be.
            try connection.execute("""
                DECLARE rebuild_events NO SCROLL CURSOR FOR
                SELECT position, transaction_id, stream_version, recorded_at, schema_version, stream_id, event_type,
                       data, metadata
                  FROM hub.events
                 WHERE transaction_id < (SELECT hub.event_horizon())
                 ORDER BY stream_id, stream_version
                """)
            let estimate = try Self.estimate(on: connection)
            var summary = Summary()
            var stream: String?
            var current: RebuildReport?
            var batch: [RebuildReport] = []

            func finishReport() throws {
                guard let report = current else { return }
                current = nil
                batch.append(report)
                if batch.count >= Self.batchSize {
                    try reports.put(batch)
                    batch = []
                }
            }

            while true {
                let page = try connection.query(PGQuery(sql: "FETCH \(ProjectionRebuild.chunkSize) FROM rebuild_events"))
                if page.rowCount == 0 { break }
                for row in page.rows {
                    // Transaction ids stay far below 2^63: read as Int64, which parses without a String.
                    let point = LogPoint(
                        transactionID: UInt64(try row.decode(Int64.self, 1)), position: try row.decode(Int64.self, 0))
                    if summary.highest < point { summary.highest = point }
                    summary.events += 1
                    let rowStream = try row.decode(String.self, 5)
                    if stream != rowStream {
                        try finishReport()
                        stream = rowStream
                        guard let id = ReportID(streamName: rowStream) else { continue }
                        current = RebuildReport(id: id, events: [])
                        summary.reports += 1
                    }
                    current?.events.append(try Self.event(row, at: point))
                }
                progress?(.init(eventsRead: summary.events, reportsRead: summary.reports, estimatedEvents: estimate, finishing: false))
            }
            try finishReport()
            if !batch.isEmpty { try reports.put(batch) }
            reports.finish()
            progress?(.init(eventsRead: summary.events, reportsRead: summary.reports, estimatedEvents: estimate, finishing: true))
            return summary
        }
    }

    /// The event of a cursor row (columns as in the DECLARE above), its JSON left as text.
    private static func event(_ row: PGRow, at point: LogPoint) throws -> RebuildEvent {
        RebuildEvent(
            point: point, streamVersion: try row.decode(Int64.self, 2), recordedAt: try row.decode(Date.self, 3),
            type: try row.decode(String.self, 6), schemaVersion: try row.decode(Int.self, 4),
            data: try row.decode(PGJSON.self, 7).utf8, metadata: try row.decode(PGJSON.self, 8).utf8)
    }

    /// The planner's row estimate, or an exact count while the table is small or never analysed.
    private static func estimate(on connection: PGConnection) throws -> Int {
        let planned = try connection.query("SELECT reltuples::bigint FROM pg_class WHERE oid = 'hub.events'::regclass")
        let estimate = try planned.decode(Int.self, row: 0, column: 0)
        if estimate >= 100_000 { return estimate }
        return try connection.query("SELECT count(*) FROM hub.events").decode(Int.self, row: 0, column: 0)
    }
}
