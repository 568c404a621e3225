import Foundation

/// ISO 8601 date-times as every wire format of the hub writes and reads them.
enum ISO8601 {
    /// `2026-11-23T14:05:00Z`, with fractional seconds only when there are any.
    static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// Accepts a zone (`Z` or `+01:00`) and optional fractional seconds; refuses a date without a zone.
    static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return try? Date(text, strategy: fractional)
    }
}
