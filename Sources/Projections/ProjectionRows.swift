import ReportDomain

/// The rows a batch of events adds to the read models, in COPY format, ready to be written.
struct ProjectionRows: Sendable {
    var reports = CopyText()
    var history = CopyText()
    var externalIDs = CopyText()
    /// Reports whose reporter's words are erased from the history entries before a version.
    var erasures: [(reportID: ReportID, beforeVersion: Int64)] = []
    /// Ids already added in this batch: the earliest claim is the one that counts.
    private var claimed: Set<ExternalKey> = []

    private struct ExternalKey: Hashable, Sendable {
        var system: String
        var id: String
    }

    var isEmpty: Bool { reports.isEmpty && history.isEmpty && externalIDs.isEmpty && erasures.isEmpty }

    mutating func add(_ rows: EventRows) {
        rows.history?.append(to: &history)
        add(rows.externalIDs)
        if rows.erasesReporterWords, let history = rows.history {
            erasures.append((history.reportID, history.streamVersion))
        }
    }

    mutating func add(_ ids: [ExternalIDRow]) {
        for id in ids where claimed.insert(ExternalKey(system: id.system, id: id.externalID)).inserted {
            id.append(to: &externalIDs)
        }
    }

    mutating func add(_ row: ReportRow) throws(ProjectionError) {
        try row.append(to: &reports)
    }
}
