import EventLog
import Foundation
import HubTestSupport
import Postgres
import ReportDomain
import Reports
import Testing
@testable import Projections

@Suite struct ProjectorTests {
    @Test func waitingForAPointReturnsOnceTheProjectorPassesItSoAReadShowsTheWrite() async throws {
        let harness = try await Harness()
        let (projector, running) = harness.startProjector()
        let handler = ReportCommandHandler(store: harness.store)
        var scenario = Scenario()
        try await scenario.playFirstHalf(handler)
        let outcome = try await scenario.act(handler, scenario.lamp, .municipalityUser(id: "conny"), .scheduleWork(on: Scenario.start.addingTimeInterval(86_400)))
        let point = try #require(outcome.appended.events.last?.point)
        #expect(await projector.waitUntilProjected(point, timeout: .seconds(10)))
        #expect(projector.progress.point >= point)
        let lamp = try #require(try await harness.queries.report(id: scenario.lamp))
        #expect(lamp.status == .scheduled)
        #expect(lamp.version == outcome.appended.streamVersion)

        // A point beyond the log is not reached, and the wait ends at its timeout.
        let beyond = LogPoint(transactionID: point.transactionID + 1_000_000, position: point.position)
        let started = ContinuousClock.now
        #expect(await projector.waitUntilProjected(beyond, timeout: .milliseconds(200)) == false)
        #expect(ContinuousClock.now - started < .seconds(5))
        running.cancel()
        try await running.value
        await harness.close()
    }

    /// Stopped halfway, a projector loses nothing and doubles nothing: each batch's rows and its
    /// checkpoint commit together, and a new projector resumes from the checkpoint.
    @Test func aProjectorStoppedMidwayResumesWithoutGapsOrDuplicates() async throws {
        let harness = try await Harness()
        let scenario = try await Scenario.play(harness.store)
        let events = try await harness.count("SELECT count(*) FROM hub.events")
        let (first, running) = harness.startProjector(batchSize: 3, cacheCapacity: 4)
        // Stop it once it is partway through the backlog.
        try await withTimeout(.seconds(30)) {
            while first.progress.point.position < scenario.lastPoint.position / 2 { try await Task.sleep(for: .milliseconds(5)) }
        }
        running.cancel()
        try await running.value
        let checkpoint = try await harness.queries.projectedPoint()
        #expect(checkpoint < scenario.lastPoint)
        #expect(checkpoint > .start)
        // Exactly the events up to the checkpoint are in the history.
        let upToCheckpoint = try await harness.count(
            "SELECT count(*) FROM hub.events WHERE (transaction_id, position) <= ('\(checkpoint.transactionID)'::xid8, \(checkpoint.position))")
        #expect(try await harness.count("SELECT count(*) FROM hub.report_history") == upToCheckpoint)

        let (second, resumed) = harness.startProjector(batchSize: 5, cacheCapacity: 4)
        #expect(await second.waitUntilProjected(scenario.lastPoint, timeout: .seconds(30)))
        resumed.cancel()
        try await resumed.value
        #expect(try await harness.count("SELECT count(*) FROM hub.report_history") == events)
        let live = try await harness.snapshot()
        try await harness.rebuild(upTo: scenario.lastPoint)
        #expect(try await harness.snapshot() == live)
        await harness.close()
    }

    /// A batch whose checkpoint was moved by someone else writes nothing.
    @Test func aBatchWritesNothingWhenTheCheckpointMovedUnderIt() async throws {
        let harness = try await Harness()
        let scenario = try await Scenario.play(harness.store)
        let events = try await harness.store.readSettled(after: .start, limit: 10)
        var rows = ProjectionRows()
        var fold: ReportFold?
        for event in events where event.stream == scenario.container.streamName {
            let (next, eventRows) = ReportFold.apply(LoggedEvent.reading(event).0, to: fold)
            fold = next
            rows.add(eventRows)
        }
        try rows.add(ReportRow(try #require(fold), policy: Scenario.policy(Scenario.enschede)))
        let batch = rows
        let target = try #require(events.last?.point)
        try await harness.pool.withConnection { try CheckpointStore.save(events[0].point, for: ReportProjector.subscriber, on: $0) }
        let refused = try await harness.pool.withConnection { connection in
            try ProjectionWriter.write(batch, subscriber: ReportProjector.subscriber, from: .start, to: target, on: connection)
        }
        guard case .moved(let stored) = refused else { Issue.record("the batch was written"); return }
        #expect(stored == events[0].point)
        #expect(try await harness.count("SELECT count(*) FROM hub.report_history") == 0)
        #expect(try await harness.count("SELECT count(*) FROM hub.report_projection") == 0)
        let (written, staged) = try await harness.pool.withConnection { connection in
            let outcome = try ProjectionWriter.write(batch, subscriber: ReportProjector.subscriber, from: events[0].point, to: target, on: connection)
            // The connection's staging tables are emptied by the statements that move their rows on.
            let staged = try connection.query("""
                SELECT (SELECT count(*) FROM pg_temp.incoming_report_projection) + (SELECT count(*) FROM pg_temp.incoming_report_history)
                """).decode(Int.self, row: 0, column: 0)
            return (outcome, staged)
        }
        guard case .written = written else { Issue.record("the batch was refused"); return }
        #expect(staged == 0)
        #expect(try await harness.queries.projectedPoint() == target)
        #expect(try await harness.count("SELECT count(*) FROM hub.report_projection") == 1)
        await harness.close()
    }

    /// A rebuild while the projector runs: the projector waits, then continues from the
    /// rebuild's checkpoint, and nothing is lost or doubled.
    @Test func aRebuildWhileTheProjectorRunsLeavesOneConsistentProjection() async throws {
        let harness = try await Harness()
        let handler = ReportCommandHandler(store: harness.store)
        var scenario = Scenario()
        try await scenario.playFirstHalf(handler)
        let (projector, running) = harness.startProjector(batchSize: 4)
        let rebuilding = Task { try await ProjectionRebuild.run(pool: harness.pool, policy: Scenario.policy) }
        try await scenario.playSecondHalf(handler)
        _ = try await rebuilding.value
        #expect(await projector.waitUntilProjected(scenario.lastPoint, timeout: .seconds(30)))
        running.cancel()
        try await running.value
        let live = try await harness.snapshot()
        let history = try await harness.count("SELECT count(*) FROM hub.report_history")
        #expect(try await harness.count("SELECT count(*) FROM hub.events") == history)
        try await harness.rebuild(upTo: scenario.lastPoint)
        #expect(try await harness.snapshot() == live)
        await harness.close()
    }
}
