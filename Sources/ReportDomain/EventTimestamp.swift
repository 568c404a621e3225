import struct Foundation.Date

/// How event data writes moments: ISO 8601 in UTC with milliseconds, e.g. `2025-03-01T09:30:00.000Z`.
///
/// Milliseconds because PostgreSQL and most partner systems keep no more; the value is rounded
/// rather than truncated so that decoding and encoding again gives the same bytes (the log hashes
/// them). Reading also accepts moments without fractions and with an explicit offset, as partners
/// send them.
enum EventTimestamp {
    static func string(from date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (seconds, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let wholeSeconds = fraction < 0 ? seconds - 1 : seconds
        let positiveFraction = fraction < 0 ? fraction + 1000 : fraction
        let base = Date(timeIntervalSince1970: Double(wholeSeconds)).formatted(Date.ISO8601FormatStyle())
        let digits = String(positiveFraction)
        return base.dropLast() + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }

    static func date(from text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) {
            return date
        }
        return try? Date.ISO8601FormatStyle().parse(text)
    }
}
