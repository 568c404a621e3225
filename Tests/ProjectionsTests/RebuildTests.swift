import EventLog
import Foundation
import HubTestSupport
import Postgres
import ReportDomain
import Reports
import Testing
@testable import Projections

@Suite struct RebuildTests {
    /// The live projector (catching up, then following while the story goes on) and a rebuild
    /// from the log give the same three tables, row for row and column for column.
    @Test func theLiveProjectorAndARebuildBuildTheSameRows() async throws {
        let harness = try await Harness()
        let handler = ReportCommandHandler(store: harness.store)
        var scenario = Scenario()
        try await scenario.playFirstHalf(handler)
        // Started after the first half: it catches up on it, then follows the rest live.
        let (projector, running) = harness.startProjector(batchSize: 7)
        try await scenario.playSecondHalf(handler)
        #expect(await projector.waitUntilProjected(scenario.lastPoint, timeout: .seconds(30)))
        running.cancel()
        try await running.value
        let live = try await harness.snapshot()

        let events = try await harness.count("SELECT count(*) FROM hub.events")
        let reports = try await harness.count("SELECT count(DISTINCT stream_id) FROM hub.events")
        #expect(live["report_projection"]?.count == reports)
        #expect(live["report_history"]?.count == events)
        #expect(try await harness.queries.projectedPoint() == scenario.lastPoint)

        // The searches built on derived structures (address terms, map index) find the same
        // after a rebuild as the live projector's rows did.
        let searches = [
            ReportSearch(address: "Hengelostraat 12", limit: 200), ReportSearch(address: "7513 bc", limit: 200),
            ReportSearch(near: .init(latitude: 52.21, longitude: 6.86, radiusMetres: 3_000), limit: 200),
        ]
        var liveFound: [[ReportID]] = []
        for search in searches { liveFound.append(try await harness.queries.search(search).items.map(\.id)) }
        #expect(liveFound.allSatisfy { !$0.isEmpty })

        let keysAndIndexes = """
            SELECT indexname, indexdef FROM pg_indexes
             WHERE schemaname = 'hub' AND tablename IN ('report_projection', 'report_history', 'report_external_ids')
             ORDER BY indexname
            """
        let liveIndexes = try await harness.rows(keysAndIndexes)
        let result = try await harness.rebuild(upTo: scenario.lastPoint)
        #expect(result.events == events)
        #expect(result.reports == reports)
        #expect(result.point == scenario.lastPoint)
        let rebuilt = try await harness.snapshot()
        for table in ["report_projection", "report_history", "report_external_ids"] {
            let liveRows = live[table] ?? []
            let rebuiltRows = rebuilt[table] ?? []
            #expect(liveRows.count == rebuiltRows.count, "\(table)")
            for (index, (a, b)) in zip(liveRows, rebuiltRows).enumerated() where a != b {
                Issue.record("\(table) row \(index) differs:\nlive    \(a)\nrebuilt \(b)")
            }
        }
        #expect(try await harness.queries.projectedPoint() == scenario.lastPoint)
        for (search, found) in zip(searches, liveFound) {
            #expect(try await harness.queries.search(search).items.map(\.id) == found)
        }
        // The keys and indexes the rebuild dropped are all back, as they were.
        #expect(try await harness.count("SELECT count(*) FROM pg_indexes WHERE schemaname = 'hub' AND tablename = 'report_projection'") == 11)
        #expect(try await harness.rows(keysAndIndexes) == liveIndexes)
        #expect(liveIndexes.map { $0[0] }.contains("report_history_pkey"))
        #expect(liveIndexes.map { $0[0] }.contains("report_history_municipality_occurred"))
        #expect(result.foldDuration == nil && result.writeDuration == nil)

        // The benchmark's schedule (fold everything, then write) builds the same rows again.
        let apart = try await ProjectionRebuild.run(pool: harness.pool, policy: Scenario.policy, schedule: .halvesApart)
        #expect(apart.events == events)
        #expect(apart.point == scenario.lastPoint)
        #expect(apart.foldDuration != nil && apart.writeDuration != nil)
        #expect(try await harness.snapshot() == rebuilt)
        #expect(try await harness.rows(keysAndIndexes) == liveIndexes)
        await harness.close()
    }

    @Test func aRebuildOfAnEmptyLogLeavesEmptyTablesAndTheStartCheckpoint() async throws {
        let harness = try await Harness()
        let result = try await ProjectionRebuild.run(pool: harness.pool, policy: Scenario.policy)
        #expect(result.events == 0)
        #expect(result.point == .start)
        #expect(try await harness.count("SELECT count(*) FROM hub.report_projection") == 0)
        await harness.close()
    }

    @Test func aRebuildNeedsTwoConnections() async throws {
        let harness = try await Harness()
        let small = harness.database.runtimePool(maxConnections: 1)
        await #expect(throws: ProjectionError.self) {
            try await ProjectionRebuild.run(pool: small, policy: Scenario.policy)
        }
        await small.close()
        await harness.close()
    }
}
