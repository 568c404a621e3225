import EventLog
import Logging
import Metrics
import Postgres
import ReportDomain

extension ReportProjector {
    /// Folds a batch of events (in log order) and commits its rows with the checkpoint; returns
    /// the new checkpoint. The cache learns the new states only once they are committed.
    func project(_ events: [RecordedEvent], after point: LogPoint, cache: inout ReportStateCache) async throws -> LogPoint {
        guard let target = events.last?.point else { return point }
        let started = ContinuousClock.now
        var states: [ReportID: ReportFold] = [:]
        var changed: [ReportID] = []
        var rows = ProjectionRows()
        var unreadable = 0
        for recorded in events {
            guard let id = ReportID(streamName: recorded.stream) else { continue }
            var fold = states[id] ?? cache.state(of: id)
            if (fold?.version ?? 0) != recorded.streamVersion - 1 {
                fold = try await replay(id, through: recorded.streamVersion - 1, from: fold)
            }
            let (logged, failure) = LoggedEvent.reading(recorded)
            if let failure {
                unreadable += 1
                logger.error(
                    "skipping an event the domain cannot read",
                    metadata: [
                        "report.id": "\(id)", "event.version": "\(recorded.streamVersion)", "event.type": "\(recorded.type)",
                        "error": "\(ReportError.loggable(failure))",
                    ])
            }
            let (next, eventRows) = ReportFold.apply(logged, to: fold)
            guard let next else { continue }
            if states.updateValue(next, forKey: id) == nil { changed.append(id) }
            rows.add(eventRows)
        }
        var policies: [MunicipalityCode: MunicipalityPolicy] = [:]
        for id in changed {
            guard let fold = states[id] else { continue }
            let municipality = fold.report.municipality
            let policy = policies[municipality] ?? self.policy(municipality)
            policies[municipality] = policy
            try rows.add(ReportRow(fold, policy: policy))
        }

        // Written by a task of its own: cancelling the projector does not cut a batch in half.
        let (pool, rowsToWrite) = (self.pool, rows)
        let outcome = try await Task {
            try await pool.withConnection { connection in
                try ProjectionWriter.write(rowsToWrite, subscriber: Self.subscriber, from: point, to: target, on: connection)
            }
        }.value
        if case .moved(let stored) = outcome {
            cache.removeAll()
            progress.advance(to: stored)
            throw CheckpointMoved(point: stored)
        }
        for id in changed {
            if let fold = states[id] { cache.remember(fold) }
        }
        progress.advance(to: target)
        metrics.eventsProjected.increment(by: events.count)
        if unreadable > 0 { metrics.eventsUnreadable.increment(by: unreadable) }
        metrics.batchDuration.recordElapsed(since: started)
        logger.trace("projected a batch", metadata: ["batch.events": "\(events.count)", "projection.checkpoint": "\(target)"])
        return target
    }

    /// The report's state just after `version`, from what is known and the rest of its stream.
    private func replay(_ id: ReportID, through version: Int64, from known: ReportFold?) async throws -> ReportFold? {
        var fold = known.flatMap { $0.version <= version ? $0 : nil }
        var next = (fold?.version ?? 0) + 1
        while next <= version {
            let page = try await store.readStream(id.streamName, from: next, limit: Int(min(version - next + 1, 1_000)))
            if page.isEmpty { break }
            for recorded in page where recorded.streamVersion <= version {
                fold = ReportFold.apply(LoggedEvent.reading(recorded).0, to: fold).0
                next = recorded.streamVersion + 1
            }
        }
        return fold
    }
}

extension Timer {
    func recordElapsed(since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        recordNanoseconds(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
    }
}
