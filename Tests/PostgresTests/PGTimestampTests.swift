import Foundation
import Postgres
import Testing

@Suite struct PGTimestampTests {
    @Test(arguments: [0.0, 1_795_000_000.5, -86_400 * 365.25 * 30, 951_782_400.000_001])
    func formatThenParseIsIdentity(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        let parsed = PGTimestamp.parse(PGTimestamp.format(date).replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "+00"))
        #expect(parsed != nil)
        #expect(abs(parsed!.timeIntervalSince(date)) < 0.000_002)
    }

    @Test func parsesOffsetsAndShortFractions() {
        #expect(PGTimestamp.parse("2026-11-23 10:00:00.5+01") == Date(timeIntervalSince1970: 1_795_428_000.5 - 3600))
        #expect(PGTimestamp.parse("2026-11-23 10:00:00-02:30") == Date(timeIntervalSince1970: 1_795_428_000 + 9000))
        #expect(PGTimestamp.parse("not a time") == nil)
    }
}
