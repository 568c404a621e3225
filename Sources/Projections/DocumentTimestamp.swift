import struct Foundation.Date

/// How the documents write moments: ISO 8601 in UTC with milliseconds, `2026-11-23T10:15:30.123Z`
/// (the precision of the event data), read back with or without a fraction and with any offset.
///
/// Writing is done here because COPY needs the same form with microseconds for every timestamp
/// column of every row; reading is Foundation's.
enum DocumentTimestamp {
    static func string(from date: Date) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        append(date, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the moment; `fractionDigits` 3 (the documents) or 6 (the database's precision).
    static func append(_ date: Date, to bytes: inout [UInt8], fractionDigits: Int = 3) {
        let scale: Int64 = fractionDigits == 6 ? 1_000_000 : 1000
        let ticks = Int64((date.timeIntervalSince1970 * Double(scale)).rounded())
        let (seconds, fraction) = floorDivision(ticks, scale)
        let (days, secondOfDay) = floorDivision(seconds, 86_400)
        let (year, month, day) = civil(fromDays: Int(days))
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            var value = value
            for _ in 0..<count {
                bytes.append(UInt8(48 + value / divisor))
                value %= divisor
                divisor /= 10
            }
        }
        digits(year, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(month, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(day, 2)
        bytes.append(UInt8(ascii: "T"))
        digits(Int(secondOfDay / 3600), 2)
        bytes.append(UInt8(ascii: ":"))
        digits(Int(secondOfDay / 60 % 60), 2)
        bytes.append(UInt8(ascii: ":"))
        digits(Int(secondOfDay % 60), 2)
        bytes.append(UInt8(ascii: "."))
        digits(Int(fraction), fractionDigits == 6 ? 6 : 3)
        bytes.append(UInt8(ascii: "Z"))
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff…](Z|±HH:MM)` with Foundation's ISO 8601 parser, as the
    /// domain reads event data, so that a moment read back is the very Date the state held;
    /// nil for anything else.
    static func date(from text: String) -> Date? {
        try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        var quotient = value / divisor
        var remainder = value % divisor
        if remainder < 0 {
            quotient -= 1
            remainder += divisor
        }
        return (quotient, remainder)
    }

    // Howard Hinnant's civil-from-days algorithm: exact for the proleptic Gregorian calendar.
    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
