import EventLog
import Foundation
import HubTestSupport
import Postgres
import Testing

@Suite struct AppendTests {
    @Test func appendThenReadTheStreamInOrder() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.runtimePool())
        let stream = EventSamples.stream()
        let first = try await store.append([EventSamples.event()], to: stream, municipality: "0153", expected: .noStream)
        #expect(first.streamVersion == 1)
        let next = try await store.append(
            [EventSamples.event("ReportAcknowledged"), EventSamples.event("ReportForwarded")], to: stream,
            municipality: "0153", expected: .exact(1))
        #expect(next.events.map(\.streamVersion) == [2, 3])
        let events = try await store.readStream(stream)
        #expect(events.map(\.type) == ["ReportSubmitted", "ReportAcknowledged", "ReportForwarded"])
        #expect(events.map(\.streamVersion) == [1, 2, 3])
        #expect(events.allSatisfy { $0.municipality == "0153" && $0.metadata.actor == "test" && $0.hash.count == 32 })
        #expect(String(decoding: events[0].data, as: UTF8.self).contains("lid won't close"))
        await store.pool.close()
    }

    @Test func aWrongExpectedVersionIsATypedConflict() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.runtimePool())
        let stream = EventSamples.stream()
        try await store.append([EventSamples.event()], to: stream, municipality: "0153", expected: .noStream)
        do {
            try await store.append([EventSamples.event()], to: stream, municipality: "0153", expected: .noStream)
            Issue.record("a second first event was accepted")
        } catch let error as EventLogError {
            #expect(error.code == .conflict)
            #expect(error.actualVersion == 1)
        }
        await #expect(throws: EventLogError.self) {
            try await store.append([EventSamples.event()], to: stream, municipality: "0153", expected: .exact(5))
        }
        #expect(try await store.readStream(stream).count == 1)
        await store.pool.close()
    }

    @Test func concurrentWritersOfOneVersionLetExactlyOneWin() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.runtimePool(maxConnections: 8))
        let stream = EventSamples.stream()
        try await store.append([EventSamples.event()], to: stream, municipality: "0153", expected: .noStream)
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    do {
                        try await store.append([EventSamples.event("StatusUpdated")], to: stream, municipality: "0153", expected: .exact(1))
                        return true
                    } catch let error as EventLogError {
                        return error.code == .conflict ? false : true
                    } catch {
                        return true
                    }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
        #expect(try await store.readStream(stream).count == 2)

        // With `.any`, all of them get in, each at its own version.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask { try await store.append([EventSamples.event("CommentAdded")], to: stream, municipality: "0153", expected: .any) }
            }
            try await group.waitForAll()
        }
        #expect(try await store.readStream(stream).map(\.streamVersion) == Array(1...10))
        await store.pool.close()
    }

    @Test func reappendingAStoredEventIDReturnsTheStoredResult() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.runtimePool())
        let stream = EventSamples.stream()
        let event = EventSamples.event()
        let first = try await store.append([event], to: stream, municipality: "0153", expected: .noStream)
        // A retry after a lost answer: same id, even with the original expectation.
        let again = try await store.append([event], to: stream, municipality: "0153", expected: .noStream)
        #expect(again.wasDuplicate)
        #expect(again.events[0].point == first.events[0].point)
        #expect(again.streamVersion == 1)

        let batch = [EventSamples.event("A"), EventSamples.event("B")]
        try await store.append(batch, to: stream, municipality: "0153", expected: .exact(1))
        let batchAgain = try await store.append(batch, to: stream, municipality: "0153", expected: .exact(1))
        #expect(batchAgain.wasDuplicate)
        #expect(batchAgain.events.map(\.streamVersion) == [2, 3])
        do {
            try await store.append([batch[0], EventSamples.event("C")], to: stream, municipality: "0153", expected: .any)
            Issue.record("a half-stored batch was accepted")
        } catch let error as EventLogError {
            #expect(error.code == .partialDuplicate)
        }
        #expect(try await store.readStream(stream).count == 3)

        // Concurrent retries of one new event id store it once.
        let racing = EventSamples.event("Raced")
        let other = EventSamples.stream()
        try await withThrowingTaskGroup(of: AppendResult.self) { group in
            for _ in 0..<6 {
                group.addTask { try await store.append([racing], to: other, municipality: "0153", expected: .any) }
            }
            var duplicates = 0
            for try await result in group where result.wasDuplicate { duplicates += 1 }
            #expect(duplicates == 5)
        }
        #expect(try await store.readStream(other).count == 1)
        await store.pool.close()
    }

    @Test func aStreamStaysInItsMunicipality() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.runtimePool())
        let stream = EventSamples.stream()
        try await store.append([EventSamples.event()], to: stream, municipality: "0153", expected: .noStream)
        do {
            try await store.append([EventSamples.event()], to: stream, municipality: "0363", expected: .any)
            Issue.record("an event of another municipality joined the stream")
        } catch let error as EventLogError {
            #expect(error.code == .municipalityMismatch)
        }
        await store.pool.close()
    }

    @Test func dataThatIsNotAJSONObjectIsRefusedWithoutWriting() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.runtimePool())
        let stream = EventSamples.stream()
        for data in ["[1]", "{\"unterminated\": ", "plain"] {
            let event = NewEvent(type: "X", data: Array(data.utf8), metadata: EventMetadata(actor: "test"))
            do {
                try await store.append([event], to: stream, municipality: "0153", expected: .any)
                Issue.record("\(data) was accepted")
            } catch let error as EventLogError {
                #expect(error.code == .invalidEvent)
            }
        }
        #expect(try await store.readStream(stream).isEmpty)
        await store.pool.close()
    }

    @Test func aMultiStreamBatchIsAllOrNothing() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.runtimePool())
        let streams = (0..<20).map { _ in EventSamples.stream() }
        let batch = streams.map { StreamAppend(stream: $0, municipality: "0153", expected: .noStream, events: [EventSamples.event()]) }
        let results = try await store.append(batch: batch)
        #expect(results.count == 20)
        #expect(results.allSatisfy { $0.streamVersion == 1 })

        let fresh = EventSamples.stream()
        let failing = [
            StreamAppend(stream: fresh, municipality: "0153", expected: .noStream, events: [EventSamples.event()]),
            StreamAppend(stream: streams[0], municipality: "0153", expected: .noStream, events: [EventSamples.event()]),
        ]
        await #expect(throws: EventLogError.self) { try await store.append(batch: failing) }
        #expect(try await store.readStream(fresh).isEmpty, "the batch's first append was rolled back with the failing one")
        await store.pool.close()
    }
}
