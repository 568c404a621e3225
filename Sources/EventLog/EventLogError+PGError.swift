import Postgres

extension EventLogError {
    /// Translates the log's SQLSTATEs (HUB01…HUB04, see schemas/postgres) and unique violations.
    init(_ error: PGError, stream: String?, expected: ExpectedVersion?) {
        let expectation = expected.map { " (expected \($0))" } ?? ""
        switch (error.sqlState, error.constraintName) {
        case ("HUB01", _):
            let actual = error.serverDetail.flatMap { Int64($0) }
            self.init(
                code: .conflict,
                message: "stream \(stream ?? "?") is at version \(actual.map(String.init) ?? "?")\(expectation)",
                stream: stream, actualVersion: actual, underlying: error)
        case ("23505", "events_stream_version_key"):
            self.init(
                code: .conflict, message: "another append to stream \(stream ?? "?") came first\(expectation)",
                stream: stream, underlying: error)
        case ("HUB02", _):
            self.init(code: .appendOnly, message: "the event log is append-only", stream: stream, underlying: error)
        case ("HUB03", _):
            self.init(
                code: .partialDuplicate, message: "some events of this batch were stored before, others not",
                stream: stream, underlying: error)
        case ("HUB04", _):
            self.init(
                code: .municipalityMismatch, message: "stream \(stream ?? "?") belongs to another municipality",
                stream: stream, underlying: error)
        case ("22P02", _), ("22023", _):
            self.init(code: .invalidEvent, message: "the event data or metadata is not valid JSON", stream: stream, underlying: error)
        default:
            self.init(code: .database, message: error.description, stream: stream, underlying: error)
        }
    }
}
