import Logging
import Metrics
import Postgres

/// Writes appends to the log: one statement per call, with retries of lost races, and the
/// announcement of what was written.
struct LogWriter: Sendable {
    let pool: PGPool
    let notifier: LogNotifier
    let logger: Logger
    /// Events newly stored (duplicates of stored ids are not counted), for `/metrics`.
    let appendedEvents = Counter(label: "hub_events_appended_total")
    /// Appends that lost a race and were retried.
    let retriedAppends = Counter(label: "hub_append_retries_total")

    /// Writes appends in one statement, retrying lost races (see EventStore.append).
    func store(_ appends: [StreamAppend]) async throws -> [AppendResult] {
        let query = try Self.appendQuery(appends)
        let single = appends.count == 1 ? appends[0] : nil
        let onlyAny = appends.allSatisfy { $0.expected == .any }
        var attempt = 0
        while true {
            attempt += 1
            do {
                let result = try await pool.withConnection { connection in try connection.query(query) }
                let appended = try Self.appended(from: result, for: appends)
                let stored = appended.reduce(0) { $0 + $1.events.filter { !$0.wasDuplicate }.count }
                if stored > 0 {
                    notifier.announce()
                    appendedEvents.increment(by: stored)
                }
                return appended
            } catch let error as PGError {
                let mapped = EventLogError(error, stream: single?.stream, expected: single?.expected)
                // Two appends of one new event id race on its unique key: the loser retries and
                // then finds it stored. With `.any`, a lost race for a version is just retried;
                // every lost race means another append won, so retries are bounded by the writers.
                let retry = attempt < 64
                    && (error.constraintName == "events_event_id_key" || (onlyAny && mapped.code == .conflict))
                if !retry { throw mapped }
                retriedAppends.increment()
                logger.debug(
                    "append retried after a lost race",
                    metadata: ["report.stream": "\(single?.stream ?? "batch")", "append.attempt": "\(attempt)"])
            }
        }
    }
}
