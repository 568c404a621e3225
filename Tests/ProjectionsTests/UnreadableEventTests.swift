import EventLog
import Foundation
import ReportDomain
import Testing
@testable import Projections

/// Events the domain cannot read — invalid data, a schema version it does not know — are read
/// by the domain's decoder alone, live and in a rebuild: they add nothing but their version.
@Suite struct UnreadableEventTests {
    @Test func theProjectorAndTheRebuildSkipWhatTheDomainCannotReadAlike() async throws {
        let harness = try await Harness()
        let scenario = try await Scenario.play(harness.store)
        let (projector, running) = harness.startProjector()
        #expect(await projector.waitUntilProjected(scenario.lastPoint, timeout: .seconds(30)))
        let before = try #require(try await harness.queries.report(id: scenario.lamp))
        let historyBefore = try await harness.count("SELECT count(*) FROM hub.report_history")

        let id = scenario.lamp
        let metadata = EventMetadata(actor: "system", externalIDs: ["melddesk": "Z-UNREADABLE"])
        let unreadable = [
            // Not a moment.
            NewEvent(type: "ReportAcknowledged", data: Array(#"{"report_id": "\#(id)", "occurred_at": "yesterday"}"#.utf8), metadata: metadata),
            // A version this domain does not know.
            NewEvent(type: "ReportAcknowledged", schemaVersion: 9, data: Array(#"{"report_id": "\#(id)", "occurred_at": "2026-03-01T10:00:00.000Z"}"#.utf8), metadata: metadata),
            // A type this domain does not know.
            NewEvent(type: "ReportExploded", data: Array(#"{"report_id": "\#(id)"}"#.utf8), metadata: metadata),
        ]
        for event in unreadable {
            let (logged, failure) = LoggedEvent.decoding(
                point: .start, streamVersion: 1, recordedAt: Date(), type: event.type, schemaVersion: event.schemaVersion,
                data: Data(event.data), metadata: event.metadata)
            #expect(logged.event == nil && failure != nil, "\(event.type) v\(event.schemaVersion)")
        }
        let appended = try await harness.store.append(unreadable, to: id.streamName, municipality: before.municipality.rawValue, expected: .any)
        let point = try #require(appended.events.last?.point)
        #expect(await projector.waitUntilProjected(point, timeout: .seconds(30)))
        running.cancel()
        try await running.value

        let after = try #require(try await harness.queries.report(id: scenario.lamp))
        #expect(after.version == appended.streamVersion)
        #expect(after.version == before.version + Int64(unreadable.count))
        #expect(after.status == before.status && after.document.updatedAt == before.document.updatedAt)
        #expect(try await harness.count("SELECT count(*) FROM hub.report_history") == historyBefore)
        // Nor does its metadata claim an external id: without an event there is nothing to fold.
        #expect(try await harness.count("SELECT count(*) FROM hub.report_external_ids WHERE external_id = 'Z-UNREADABLE'") == 0)
        let live = try await harness.snapshot()
        try await harness.rebuild(upTo: point)
        #expect(try await harness.snapshot() == live)
        await harness.close()
    }
}
