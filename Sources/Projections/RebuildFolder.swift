import struct Foundation.Data
import class Foundation.JSONDecoder
import EventLog
import ReportDomain

/// The folding side of a rebuild: reports read whole in, rows for the writer out. Several run
/// at once, each on a thread of its own; a report is folded by one of them from its first event
/// to its last, with the same fold and row functions as the live projector.
struct RebuildFolder {
    let policy: @Sendable (MunicipalityCode) -> MunicipalityPolicy
    private var policies: [MunicipalityCode: MunicipalityPolicy] = [:]
    private let metadataDecoder = JSONDecoder()

    init(policy: @escaping @Sendable (MunicipalityCode) -> MunicipalityPolicy) {
        self.policy = policy
    }

    /// Folds every batch the reader hands over until it has finished; returns how many reports
    /// it wrote rows for (a stream whose events the domain cannot read has none).
    mutating func fold(from reports: RebuildHandoff<[RebuildReport]>, into chunks: RebuildHandoff<RebuildChunk>) throws -> Int {
        var folded = 0
        while let batch = try reports.take() {
            var rows = ProjectionRows()
            for report in batch where try fold(report, into: &rows) { folded += 1 }
            try chunks.put(RebuildChunk(rows: rows, point: nil))
        }
        return folded
    }

    /// Adds a report's row, history entries and the earliest claim of each id its events name.
    private mutating func fold(_ report: RebuildReport, into rows: inout ProjectionRows) throws -> Bool {
        var state: ReportFold?
        var history: [HistoryRow] = []
        var externalIDs: [String: ExternalIDRow] = [:]
        for raw in report.events {
            let (next, eventRows) = ReportFold.apply(try event(raw), to: state)
            state = next
            if eventRows.erasesReporterWords {
                for index in history.indices { history[index].eraseReporterWords() }
            }
            if let entry = eventRows.history { history.append(entry) }
            for id in eventRows.externalIDs {
                let key = id.system + "\u{0}" + id.externalID
                if let known = externalIDs[key], known.point <= id.point { continue }
                externalIDs[key] = id
            }
        }
        guard let state else { return false }
        let municipality = state.report.municipality
        let policy = policies[municipality] ?? self.policy(municipality)
        policies[municipality] = policy
        try rows.add(ReportRow(state, policy: policy))
        for row in history { row.append(to: &rows.history) }
        // Across reports, the writer keeps the earliest claim of all.
        for id in externalIDs.values.sorted(by: { $0.point < $1.point }) { id.append(to: &rows.externalIDs) }
        return true
    }

    /// The event read as the live projector reads it: one the domain cannot read has no event
    /// and adds nothing.
    private func event(_ raw: RebuildEvent) throws -> LoggedEvent {
        LoggedEvent.decoding(
            point: raw.point, streamVersion: raw.streamVersion, recordedAt: raw.recordedAt, type: raw.type,
            schemaVersion: raw.schemaVersion, data: Data(raw.data),
            metadata: try metadataDecoder.decode(EventMetadata.self, from: Data(raw.metadata))
        ).0
    }
}
