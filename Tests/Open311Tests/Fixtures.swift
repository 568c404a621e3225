import Foundation

/// Dates built with Foundation's calendar, independent of the module's own date arithmetic.
enum Fixtures {
    static let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!

    static func date(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0,
                     in zone: TimeZone = TimeZone(secondsFromGMT: 0)!) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))!
    }
}
