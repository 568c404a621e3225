import EventLog
import Foundation
import HubTestSupport
import Postgres
import Testing

@Suite struct FollowTests {
    @Test func aFollowerCatchesUpThenFollowsLiveWithoutPolling() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.runtimePool())
        let stream = EventSamples.stream()
        for index in 0..<5 {
            try await store.append([EventSamples.event(note: "old \(index)")], to: stream, municipality: "0153", expected: .any)
        }
        let listener = PGListener(config: database.runtime, channels: [EventStore.channel])
        let listening = Task { try await listener.run() }
        // A safety interval far beyond the test: only a notification can deliver the live events in time.
        let follower = LogFollower(store: store, listener: listener, safetyInterval: .seconds(600))
        let checkpoints = CheckpointStore(pool: store.pool)
        let received = Task { () -> [RecordedEvent] in
            var seen: [RecordedEvent] = []
            for try await event in follower.events(after: try await checkpoints.load("test-follower")) {
                seen.append(event)
                if seen.count == 8 { break }
            }
            return seen
        }
        try await Task.sleep(for: .milliseconds(300))
        for index in 0..<3 {
            try await store.append([EventSamples.event(note: "new \(index)")], to: stream, municipality: "0153", expected: .any)
        }
        let seen = try await withTimeout(.seconds(10)) { try await received.value }
        #expect(seen.map(\.streamVersion) == Array(1...8))

        // A checkpoint resumes where it was saved.
        try await store.pool.withConnection { try CheckpointStore.save(seen[4].point, for: "test-follower", on: $0) }
        #expect(try await checkpoints.load("test-follower") == seen[4].point)
        let resumed = try await store.readSettled(after: try await checkpoints.load("test-follower"))
        #expect(resumed.map(\.streamVersion) == [6, 7, 8])
        listener.stop()
        try await listening.value
        await store.pool.close()
    }

    /// Another process's appends arrive by notification only (its own followers skip their own
    /// notifications, which name their origin; a follower elsewhere must not).
    @Test func aFollowerIsWokenByAnotherProcesssAppends() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.runtimePool())
        let elsewhere = EventStore(pool: database.runtimePool())
        let stream = EventSamples.stream()
        // The listener also hears the deliveries' channel, as the hub's does.
        let listener = PGListener(config: database.runtime, channels: [EventStore.channel, "hub_deliveries"])
        let listening = Task { try await listener.run() }
        let follower = LogFollower(store: store, listener: listener, safetyInterval: .seconds(600))
        let received = Task { () -> [RecordedEvent] in
            var seen: [RecordedEvent] = []
            for try await event in follower.events(after: .start) {
                seen.append(event)
                if seen.count == 3 { break }
            }
            return seen
        }
        try await Task.sleep(for: .milliseconds(300))
        for index in 0..<3 {
            try await elsewhere.append([EventSamples.event(note: "from elsewhere \(index)")], to: stream, municipality: "0153", expected: .any)
            try await Task.sleep(for: .milliseconds(50))
        }
        let seen = try await withTimeout(.seconds(10)) { try await received.value }
        #expect(seen.map(\.streamVersion) == [1, 2, 3])
        listener.stop()
        try await listening.value
        await store.pool.close()
        await elsewhere.pool.close()
    }

    @Test func aNumericCursorResolvesToItsReadingPoint() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.runtimePool())
        let result = try await store.append([EventSamples.event(), EventSamples.event()], to: EventSamples.stream(), municipality: "0153", expected: .noStream)
        #expect(try await store.point(afterPosition: result.events[0].point.position) == result.events[0].point)
        #expect(try await store.point(afterPosition: 0) == .start)
        #expect(try await store.point(afterPosition: 999_999) == nil)
        await store.pool.close()
    }
}
