import EventLog
import Foundation
import ReportDomain
import Testing
@testable import Projections

/// The fast readers must agree with the domain's and Foundation's decoders on everything.
@Suite struct ReadingTests {
    @Test func everyStoredEventReadsAsTheDomainDecodesIt() async throws {
        let (harness, _) = try await ProjectedScenario.get()
        let events = try await harness.store.readAll(after: .start, limit: 10_000)
        #expect(Set(events.map(\.type)) == Set(ReportEvent.allTypes.map(\.eventType)))
        for event in events {
            let fast = try ReportEventReader.read(eventType: event.type, schemaVersion: event.schemaVersion, data: event.data)
            let domain = try ReportEvent.decode(eventType: event.type, schemaVersion: event.schemaVersion, data: Data(event.data))
            #expect(fast == domain, "\(event.type) v\(event.streamVersion)")
            let metadata = try event.metadata.encodedJSON().withUnsafeBufferPointer { try EventMetadata.read($0) }
            #expect(metadata == event.metadata)
        }
    }

    @Test func whatTheFastReaderDoesNotRecogniseTheDomainDecides() throws {
        let id = ReportID.generate()
        // A moment with an offset instead of Z: not the domain's own form, but readable.
        let offset = Array(#"{"report_id": "\#(id)", "occurred_at": "2026-03-01T10:00:00+01:00"}"#.utf8)
        let event = try ReportEventReader.read(eventType: "ReportAcknowledged", schemaVersion: 1, data: offset)
        #expect(event == (try ReportEvent.decode(eventType: "ReportAcknowledged", schemaVersion: 1, data: Data(offset))))
        #expect(event.occurredAt == Date(timeIntervalSince1970: 1_772_355_600))
        // Invalid data fails as the domain says it does.
        let invalid = Array(#"{"report_id": "\#(id)", "occurred_at": "yesterday"}"#.utf8)
        #expect(throws: ReportError.self) { try ReportEventReader.read(eventType: "ReportAcknowledged", schemaVersion: 1, data: invalid) }
        let badEmail = Array(#"{"report_id": "\#(id)", "occurred_at": "2026-03-01T10:00:00.000Z", "notification_preference": {"level": "none", "channel": null}, "contact": {"email": "nope"}}"#.utf8)
        #expect(throws: ReportError.self) {
            try ReportEventReader.read(eventType: "NotificationPreferenceChanged", schemaVersion: 1, data: badEmail)
        }
        #expect(throws: ReportError.self) { try ReportEventReader.read(eventType: "ReportExploded", schemaVersion: 1, data: offset) }
        #expect(throws: ReportError.self) { try ReportEventReader.read(eventType: "ReportAcknowledged", schemaVersion: 9, data: offset) }
    }

    @Test func theJSONParserReadsEscapesAndNumbersAndRefusesWhatIsNotJSON() throws {
        let text = #"{"a": "tab\there \"quoted\" \\ \/ \u00e9\ud83d\ude00 \n", "b": [1, -2.5, 3e2, true, false, null], "c": {}}"#
        let value = try #require(JSONParser.parse(Array(text.utf8)))
        #expect(value["a"]?.string == "tab\there \"quoted\" \\ / é😀 \n")
        #expect(value["b"] == .array([.integer(1), .number(-2.5), .number(300), .bool(true), .bool(false), .null]))
        #expect(value["c"] == .object([]))
        for invalid in ["", "{", #"{"a" 1}"#, "[1,]", "01", #""\x""#, #""\ud83d""#, "tru", "{} x", "\"a\u{1}\"", "1.", "-"] {
            #expect(JSONParser.parse(Array(invalid.utf8)) == nil, "\(invalid)")
        }
    }

    @Test func uuidsWriteAndReadAsFoundationDoes() {
        for _ in 0..<1_000 {
            let uuid = UUID()
            #expect(UUIDText.string(uuid) == uuid.uuidString.lowercased())
            #expect(UUIDText.parse(uuid.uuidString) == uuid)
            #expect(UUIDText.parse(uuid.uuidString.lowercased()) == uuid)
        }
        for invalid in ["", "3f2a", "3f2a1b4c-5d6e-7f80-91a2-b3c4d5e6f7g8", "3f2a1b4c05d6e-7f80-91a2-b3c4d5e6f7a8", "3f2a1b4c-5d6e-7f80-91a2-b3c4d5e6f7a8-"] {
            #expect(UUIDText.parse(invalid) == nil, "\(invalid)")
        }
    }

    @Test func momentsWriteAndReadBackExactly() throws {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<1_000 {
            let milliseconds = Int64.random(in: -2_000_000_000_000...4_000_000_000_000, using: &random)
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let text = DocumentTimestamp.string(from: date)
            let parsed = try #require(DocumentTimestamp.date(from: text))
            #expect(abs(parsed.timeIntervalSince1970 - date.timeIntervalSince1970) < 0.000_5)
            #expect(DocumentTimestamp.string(from: parsed) == text)
            if milliseconds >= 0 {
                let foundation = try Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
                #expect(parsed == foundation)
            }
        }
        #expect(DocumentTimestamp.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(DocumentTimestamp.date(from: "2026-03-01T10:00:00Z") == Date(timeIntervalSince1970: 1_772_359_200))
        #expect(DocumentTimestamp.date(from: "2026-13-01T10:00:00Z") == nil)
        #expect(DocumentTimestamp.date(from: "2026-03-01 10:00:00") == nil)
    }
}
