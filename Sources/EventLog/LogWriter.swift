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

    /// Writes appends in one statement, retrying lost races (see EventStore.append). One event
    /// goes first as a plain INSERT, and to hub.append_event only when that INSERT cannot tell
    /// the answer (see `plainAppendQuery`).
    func store(_ appends: [StreamAppend]) async throws -> [AppendResult] {
        try Self.check(appends)
        let single = Self.singleEvent(of: appends)
        let one = appends.count == 1 ? appends[0] : nil
        let plain: PGQuery?
        // The statement that always answers; for one event it is only built when needed.
        let answering: @Sendable () -> PGQuery
        if let single {
            let metadata = try single.event.metadata.encodedJSON()
            plain = Self.plainAppendQuery(single.append, single.event, metadata: metadata)
            answering = { Self.appendFunctionQuery(single.append, single.event, metadata: metadata) }
        } else {
            plain = nil
            let batch = try Self.batchQuery(appends)
            answering = { batch }
        }
        let onlyAny = appends.allSatisfy { $0.expected == .any }
        var tryPlain = plain != nil
        var attempt = 0
        while true {
            attempt += 1
            do {
                let first = tryPlain ? plain : nil
                let result = try await pool.withConnection { connection in
                    if let plain = first {
                        let stored = try connection.query(plain)
                        if stored.rowCount == 1 { return stored }
                    }
                    return try connection.query(answering())
                }
                let appended = try Self.appended(from: result, for: appends)
                let stored = appended.reduce(0) { $0 + $1.events.filter { !$0.wasDuplicate }.count }
                if stored > 0 {
                    notifier.announce()
                    appendedEvents.increment(by: stored)
                }
                return appended
            } catch let error as PGError {
                let mapped = EventLogError(error, stream: one?.stream, expected: one?.expected)
                // An event id stored before: the function answers with the stored result. Two
                // appends of one new event id race on its unique key: the loser retries and then
                // finds it stored. With `.any`, a lost race for a version is just retried; every
                // lost race means another append won, so retries are bounded by the writers.
                let storedBefore = error.constraintName == "events_event_id_key"
                if storedBefore { tryPlain = false }
                let retry = attempt < 64 && (storedBefore || (onlyAny && mapped.code == .conflict))
                if !retry { throw mapped }
                retriedAppends.increment()
                logger.debug(
                    "append retried after a lost race",
                    metadata: ["report.stream": "\(one?.stream ?? "batch")", "append.attempt": "\(attempt)"])
            }
        }
    }
}
