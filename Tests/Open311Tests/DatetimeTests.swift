import Foundation
import Open311
import Testing

@Suite("ISO 8601 datetimes")
struct DatetimeTests {
    let instant = Fixtures.date(2026, 11, 23, 13, 5, 0)

    @Test("Written with the zone's offset, or Z for UTC")
    func format() {
        #expect(Open311Datetime.format(instant) == "2026-11-23T13:05:00Z")
        #expect(Open311Datetime.format(instant, in: Fixtures.amsterdam) == "2026-11-23T14:05:00+01:00")
        let summer = Fixtures.date(2026, 7, 1, 10, 0, 0)
        #expect(Open311Datetime.format(summer, in: Fixtures.amsterdam) == "2026-07-01T12:00:00+02:00")
        #expect(Open311Datetime.format(summer, in: TimeZone(identifier: "America/New_York")!) == "2026-07-01T06:00:00-04:00")
        #expect(Open311Datetime.format(summer, in: TimeZone(identifier: "Asia/Kolkata")!) == "2026-07-01T15:30:00+05:30")
        #expect(Open311Datetime.format(instant.addingTimeInterval(0.999)) == "2026-11-23T13:05:00Z")
    }

    @Test("The same instant is read from every accepted spelling", arguments: [
        "2026-11-23T14:05:00+01:00",
        "2026-11-23T13:05:00Z",
        "2026-11-23T13:05:00z",
        "2026-11-23t13:05:00Z",
        "2026-11-23T14:05+01:00",
        "2026-11-23T14:05:00+0100",
        "2026-11-23T14:05:00+01",
        "2026-11-23T08:05:00-05:00",
        "2026-11-23T14:05:00 01:00",  // a "+" that became a space in a query string
    ])
    func parse(text: String) {
        #expect(Open311Datetime.parse(text) == instant)
    }

    @Test("Fractions of a second are read")
    func fraction() {
        #expect(Open311Datetime.parse("2026-11-23T13:05:00.25Z") == instant.addingTimeInterval(0.25))
    }

    @Test("No zone, impossible dates and other text are refused", arguments: [
        "2026-11-23T14:05:00", "2026-11-23", "2026-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-00-10T00:00:00Z", "2026-11-31T00:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T23:60:00Z",
        "2026-11-23T23:59:60Z", "2026-11-23T14:05:00+24:00", "2026-11-23T14:05:00+01:00x", "23-11-2026T14:05:00Z",
        "yesterday", "", "2026-11-23T14:05:00.Z", "0000-01-01T00:00:00Z",
    ])
    func refused(text: String) {
        #expect(Open311Datetime.parse(text) == nil)
    }

    @Test("Leap days exist in leap years only")
    func leapDays() {
        #expect(Open311Datetime.parse("2024-02-29T12:00:00Z") == Fixtures.date(2024, 2, 29, 12))
        #expect(Open311Datetime.parse("2000-02-29T12:00:00Z") == Fixtures.date(2000, 2, 29, 12))
    }

    @Test("Dates round-trip in every zone and agree with Foundation's calendar")
    func roundTrip() throws {
        let zones = ["UTC", "Europe/Amsterdam", "America/New_York", "Asia/Kolkata", "Pacific/Chatham", "America/St_Johns"]
            .map { TimeZone(identifier: $0)! }
        var generator = SeededGenerator(seed: 0x0311)
        for _ in 0..<2000 {
            // Whole seconds between 1950 and 2100.
            let date = Date(timeIntervalSince1970: Double(Int64.random(in: -631_152_000...4_102_444_800, using: &generator)))
            let zone = zones.randomElement(using: &generator)!
            let text = Open311Datetime.format(date, in: zone)
            #expect(Open311Datetime.parse(text) == date, "\(text)")
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let expected = String(format: "%04d-%02d-%02dT%02d:%02d:%02d",
                                  parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
            #expect(text.hasPrefix(expected), "\(text) vs \(expected) in \(zone.identifier)")
        }
    }
}

/// A small deterministic generator (SplitMix64) so a failure can be reproduced.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
