import EventLog
import Foundation
import HubTestSupport
import Postgres
import Testing

@Suite struct TamperEvidenceTests {
    @Test func verifyFindsTheFirstAlteredEvent() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.superuserPool())
        let streams = (0..<3).map { _ in EventSamples.stream() }
        var target: UUID?
        for stream in streams {
            for index in 0..<4 {
                let event = EventSamples.event(note: "step \(index)")
                if stream == streams[1], index == 2 { target = event.id }
                try await store.append([event], to: stream, municipality: "0153", expected: .any)
            }
        }
        let verifier = ChainVerifier(pool: store.pool, pageSize: 5)
        let clean = try await verifier.verify()
        #expect(clean.isIntact)
        #expect(clean.eventsChecked == 12)
        #expect(clean.streamsChecked == 3)

        // An attacker with superuser rights switches the trigger off and rewrites history.
        let altered = try #require(target)
        try await store.pool.withConnection { connection in
            try connection.execute("ALTER TABLE hub.events DISABLE TRIGGER events_append_only")
            try connection.query("UPDATE hub.events SET data = jsonb_set(data, '{note}', '\"all fine\"') WHERE event_id = \(altered)")
            try connection.execute("ALTER TABLE hub.events ENABLE TRIGGER events_append_only")
        }
        let tampered = try await verifier.verify()
        #expect(tampered.breaks.count == 1)
        #expect(tampered.breaks.first?.eventID == target)
        #expect(tampered.breaks.first?.stream == streams[1])
        #expect(tampered.breaks.first?.streamVersion == 3)
        #expect(tampered.breaks.first?.reason == .hashMismatch)
        await store.pool.close()
    }

    @Test func verifyFindsARemovedEvent() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.superuserPool())
        let stream = EventSamples.stream()
        for _ in 0..<4 { try await store.append([EventSamples.event()], to: stream, municipality: "0153", expected: .any) }
        try await store.pool.withConnection { connection in
            try connection.execute("ALTER TABLE hub.events DISABLE TRIGGER events_append_only")
            try connection.query("DELETE FROM hub.events WHERE stream_id = \(stream) AND stream_version = 2")
            try connection.execute("ALTER TABLE hub.events ENABLE TRIGGER events_append_only")
        }
        let report = try await ChainVerifier(pool: store.pool).verify()
        #expect(report.breaks.map(\.streamVersion) == [3])
        #expect(report.breaks.first?.reason == .versionGap)
        await store.pool.close()
    }
}
