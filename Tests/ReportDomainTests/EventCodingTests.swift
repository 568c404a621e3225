import Foundation
import ReportDomain
import Testing

/// Events go into the log as (type, version, JSON data) and come back unchanged.
@Suite("Event encoding and decoding")
struct EventCodingTests {
    @Test("The samples cover every event type the domain lists")
    func samplesCoverEveryType() {
        #expect(Set(SampleEvents.full.map(\.type)) == Set(ReportEvent.allTypes))
        #expect(ReportEvent.allTypes.count == Set(ReportEvent.allTypes).count)
    }

    @Test("Every event survives encode → decode", arguments: SampleEvents.full + SampleEvents.sparse)
    func roundTrip(_ event: ReportEvent) throws {
        let data = try event.encodedData()
        let decoded = try ReportEvent.decode(eventType: event.eventType, schemaVersion: event.schemaVersion, data: data)
        #expect(decoded == event)
        #expect(try decoded.encodedData() == data, "encoding is stable, so the log's hashes are too")
    }

    @Test("Every event of a real story survives encode → decode and replays to the same state")
    func storyRoundTrip() throws {
        var story = Story.completedByParty()
        try story.act(.reporter, .reopen(reason: "Nog kapot"))
        try story.act(.party("renewi"), .completeWork(photoURL: nil, note: nil))
        try story.act(.reporter, .confirmResolution)
        let decoded = try story.events.map { event throws(ReportError) in
            try ReportEvent.decode(eventType: event.eventType, schemaVersion: event.schemaVersion, data: event.encodedData())
        }
        #expect(Report.replay(decoded) == story.current)
    }

    @Test("JSON keys are snake_case, dates ISO 8601 with zone, and absent values null")
    func wireShape() throws {
        let event = ReportClosed(reportID: SampleEvents.id, occurredAt: SampleEvents.later, reason: .notMunicipalResponsibility, publicNote: nil, internalNote: nil).event
        let json = String(decoding: try event.encodedData(), as: UTF8.self)
        #expect(json == #"{"internal_note":null,"occurred_at":"2025-02-20T21:20:00.250Z","public_note":null,"reason":"not_municipal_responsibility","report_id":"3f2a6c1e-8b4d-4e7a-9c1b-2d3e4f5a6b7c"}"#)
    }

    @Test("Moments with an offset or without fractions are read")
    func lenientMoments() throws {
        let json = #"{"report_id":"3f2a6c1e-8b4d-4e7a-9c1b-2d3e4f5a6b7c","occurred_at":"2025-02-20T22:20:00+01:00"}"#
        let event = try ReportEvent.decode(eventType: "ReportAcknowledged", schemaVersion: 1, data: Data(json.utf8))
        #expect(event.occurredAt == Date(timeIntervalSince1970: 1_740_086_400))
    }

    @Test("An unknown event type is a typed error")
    func unknownType() {
        #expect(throws: ReportError.unknownEventType(eventType: "ReportExploded")) {
            try ReportEvent.decode(eventType: "ReportExploded", schemaVersion: 1, data: Data("{}".utf8))
        }
    }

    @Test("An unknown schema version is a typed error naming the supported ones")
    func unknownVersion() {
        #expect(throws: ReportError.unsupportedSchemaVersion(eventType: "ReportClosed", schemaVersion: 7, supported: [1])) {
            try ReportEvent.decode(eventType: "ReportClosed", schemaVersion: 7, data: Data("{}".utf8))
        }
    }

    @Test("A bad payload is a typed error naming the field", arguments: [
        (#"{"report_id":"3f2a6c1e-8b4d-4e7a-9c1b-2d3e4f5a6b7c"}"#, "occurred_at"),
        (#"{"report_id":"not-a-uuid","occurred_at":"2025-02-20T21:20:00Z"}"#, "report_id"),
        (#"{"report_id":"3f2a6c1e-8b4d-4e7a-9c1b-2d3e4f5a6b7c","occurred_at":"yesterday"}"#, "occurred_at"),
        (#"not json"#, "data"),
    ])
    func badPayload(json: String, field: String) throws {
        do {
            _ = try ReportEvent.decode(eventType: "ResolutionConfirmed", schemaVersion: 1, data: Data(json.utf8))
            Issue.record("decoded a bad payload")
        } catch {
            #expect(error.code == "event.invalid_payload")
            #expect(error.message.contains(field), "\(error.message)")
        }
    }

    @Test("Invalid nested values are refused when read, too")
    func invalidNestedValues() throws {
        var object = try #require(JSONSerialization.jsonObject(with: SampleEvents.full[0].encodedData()) as? [String: Any])
        object["location"] = ["latitude": 95.0, "longitude": 6.0, "address": NSNull(), "postcode": NSNull()]
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: ReportError.self) {
            try ReportEvent.decode(eventType: "ReportSubmitted", schemaVersion: 1, data: data)
        }
    }
}

/// What a caller evolves from decide() must equal what the log's readers replay.
@Suite struct DecidedEventsAreStoredFormTests {
    @Test func stateFromDecidedEventsEqualsStateReplayedFromTheirEncoding() throws {
        let policy = Fixtures.policy()
        let id = ReportID.generate()
        // A moment with sub-millisecond digits, as a clock gives it.
        let moment = Date(timeIntervalSince1970: 1_740_000_000.123_456_7)
        let submit = ReportCommand(reportID: id, actor: .reporter, issuedAt: moment, action: .submit(Fixtures.submission()))
        let forward = ReportCommand(
            reportID: id, actor: .municipalityUser(id: "conny"), issuedAt: moment.addingTimeInterval(0.000_3),
            action: .forward(Fixtures.wasteCollector))
        var decided: [ReportEvent] = []
        var state: Report?
        for command in [submit, forward] {
            let events = try Report.decide(command, state: state, policy: policy)
            decided += events
            state = events.reduce(state) { Report.evolve($0, $1) }
        }
        let replayed = Report.replay(try decided.map {
            try ReportEvent.decode(eventType: $0.eventType, schemaVersion: $0.schemaVersion, data: try $0.encodedData())
        })
        #expect(state == replayed)
        #expect(state?.submittedAt != moment, "the moment was rounded to what the log keeps")
    }
}
