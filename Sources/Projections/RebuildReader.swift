import struct Foundation.Data
import struct Foundation.Date
import class Foundation.JSONDecoder
import EventLog
import Postgres
import ReportDomain

/// The reading side of a rebuild: one snapshot, every event below the log's horizon, stream by
/// stream, folded into rows.
struct RebuildReader {
    struct Summary: Sendable {
        var events = 0
        var reports = 0
    }

    let policy: @Sendable (MunicipalityCode) -> MunicipalityPolicy
    let progress: (@Sendable (ProjectionRebuild.Progress) -> Void)?

    /// The report being read: its state and the history entries it has so far.
    private struct Current {
        var stream: String
        var id: ReportID
        var fold: ReportFold?
        var history: [HistoryRow] = []
        /// Each id the report's events name, with its earliest claim; across reports, the
        /// writer keeps the earliest claim of all.
        var externalIDs: [String: ExternalIDRow] = [:]

        mutating func claim(_ ids: [ExternalIDRow]) {
            for id in ids {
                let key = id.system + "\u{0}" + id.externalID
                if let known = externalIDs[key], known.point <= id.point { continue }
                externalIDs[key] = id
            }
        }
    }

    func read(on connection: PGConnection, into handoff: RebuildHandoff<RebuildChunk>) throws -> Summary {
        try connection.transaction(.readOnlySnapshot) { connection in
            // Only below the horizon of the log's readers (0037_event_writers.sql): nothing can
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
            var highest = LogPoint.start
            var current: Current?
            var policies: [MunicipalityCode: MunicipalityPolicy] = [:]
            var chunk = ProjectionRows()
            let metadataDecoder = JSONDecoder()

            func finishReport() throws {
                guard let report = current else { return }
                current = nil
                guard let fold = report.fold else { return }
                let municipality = fold.report.municipality
                let policy = policies[municipality] ?? self.policy(municipality)
                policies[municipality] = policy
                try chunk.add(ReportRow(fold, policy: policy))
                for row in report.history { row.append(to: &chunk.history) }
                for id in report.externalIDs.values.sorted(by: { $0.point < $1.point }) { id.append(to: &chunk.externalIDs) }
                summary.reports += 1
            }

            while true {
                let page = try connection.query(PGQuery(sql: "FETCH \(ProjectionRebuild.chunkSize) FROM rebuild_events"))
                if page.rowCount == 0 { break }
                for row in page.rows {
                    // Transaction ids stay far below 2^63: read as Int64, which parses without a String.
                    let point = LogPoint(
                        transactionID: UInt64(try row.decode(Int64.self, 1)), position: try row.decode(Int64.self, 0))
                    if highest < point { highest = point }
                    summary.events += 1
                    let stream = try row.decode(String.self, 5)
                    if current?.stream != stream {
                        try finishReport()
                        guard let id = ReportID(streamName: stream) else { continue }
                        current = Current(stream: stream, id: id)
                    }
                    guard var report = current else { continue }
                    let logged = try Self.event(row, at: point, metadataDecoder: metadataDecoder)
                    let (fold, rows) = ReportFold.apply(logged, to: report.fold)
                    report.fold = fold
                    if rows.erasesReporterWords {
                        for index in report.history.indices { report.history[index].eraseReporterWords() }
                    }
                    if let entry = rows.history { report.history.append(entry) }
                    report.claim(rows.externalIDs)
                    current = report
                }
                if chunk.reports.rows >= ProjectionRebuild.chunkSize / 4 || chunk.history.rows >= ProjectionRebuild.chunkSize {
                    try handoff.put(RebuildChunk(rows: chunk, point: nil))
                    chunk = ProjectionRows()
                }
                progress?(.init(eventsRead: summary.events, reportsRead: summary.reports, estimatedEvents: estimate, finishing: false))
            }
            try finishReport()
            try handoff.put(RebuildChunk(rows: chunk, point: highest))
            handoff.finish()
            progress?(.init(eventsRead: summary.events, reportsRead: summary.reports, estimatedEvents: estimate, finishing: true))
            return summary
        }
    }

    /// The event of a cursor row (columns as in the DECLARE above), read as the live projector
    /// reads it: one the domain cannot read has no event and adds nothing.
    private static func event(_ row: PGRow, at point: LogPoint, metadataDecoder: JSONDecoder) throws -> LoggedEvent {
        let metadata = try metadataDecoder.decode(EventMetadata.self, from: Data(try row.decode(PGJSON.self, 8).utf8))
        return LoggedEvent.decoding(
            point: point, streamVersion: try row.decode(Int64.self, 2), recordedAt: try row.decode(Date.self, 3),
            type: try row.decode(String.self, 6), schemaVersion: try row.decode(Int.self, 4),
            data: Data(try row.decode(PGJSON.self, 7).utf8), metadata: metadata
        ).0
    }

    /// The planner's row estimate, or an exact count while the table is small or never analysed.
    private static func estimate(on connection: PGConnection) throws -> Int {
        let planned = try connection.query("SELECT reltuples::bigint FROM pg_class WHERE oid = 'hub.events'::regclass")
        let estimate = try planned.decode(Int.self, row: 0, column: 0)
        if estimate >= 100_000 { return estimate }
        return try connection.query("SELECT count(*) FROM hub.events").decode(Int.self, row: 0, column: 0)
    }
}
