import Foundation
import Testing
@testable import Projections

/// The moments the projection writes (documents with milliseconds, COPY with microseconds)
/// read back through Foundation's ISO 8601 parser as the same instant.
@Suite struct DocumentTimestampTests {
    @Test func momentsWriteAndReadBackExactly() throws {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<1_000 {
            let microseconds = Int64.random(in: -2_000_000_000_000_000...4_000_000_000_000_000, using: &random)
            let date = Date(timeIntervalSince1970: Double(microseconds) / 1_000_000)
            let text = DocumentTimestamp.string(from: date)
            let parsed = try #require(DocumentTimestamp.date(from: text), "\(text)")
            // Rounded to the millisecond: at most half of one off, plus what a Double holds of a
            // moment 4·10⁹ s from 1970 (about a microsecond).
            #expect(abs(parsed.timeIntervalSince1970 - date.timeIntervalSince1970) <= 0.000_5 + 0.000_002, "\(text)")
            #expect(DocumentTimestamp.string(from: parsed) == text)

            var copy: [UInt8] = []
            DocumentTimestamp.append(date, to: &copy, fractionDigits: 6)
            let copyText = String(decoding: copy, as: UTF8.self)
            let copyParsed = try #require(try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(copyText), "\(copyText)")
            #expect(abs(copyParsed.timeIntervalSince1970 - date.timeIntervalSince1970) < 0.000_01, "\(copyText)")
        }
        #expect(DocumentTimestamp.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(DocumentTimestamp.date(from: "2026-03-01T10:00:00Z") == Date(timeIntervalSince1970: 1_772_359_200))
        #expect(DocumentTimestamp.date(from: "2026-03-01T11:00:00+01:00") == Date(timeIntervalSince1970: 1_772_359_200))
        #expect(DocumentTimestamp.date(from: "2026-13-01T10:00:00Z") == nil)
        #expect(DocumentTimestamp.date(from: "2026-03-01 10:00:00") == nil)
    }
}
