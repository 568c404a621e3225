import Foundation

/// The validated filters of `GET /servicerequestupdates` (mySociety's extension).
///
/// The caller returns the updates whose `updated_datetime` lies in `dateRange(now:)`, oldest
/// first, at most `limit` of them. The window follows the rules of `GET /requests` (90 days
/// by default and at most), which the extension leaves open.
public struct Open311UpdateQuery: Sendable, Hashable {
    /// The widest date range, and the default one: 90 days.
    public static let defaultSpan: TimeInterval = Open311DateWindow.span
    /// The most updates one answer holds: 1,000.
    public static let defaultLimit = 1000

    /// The client's `api_key`, which FixMyStreet sends along; unchecked.
    public var apiKey: String?
    /// The jurisdiction asked for, when the endpoint serves several.
    public var jurisdictionID: String?
    /// Earliest `updated_datetime` asked for.
    public var startDate: Date?
    /// Latest `updated_datetime` asked for.
    public var endDate: Date?

    public init(apiKey: String? = nil, jurisdictionID: String? = nil, startDate: Date? = nil, endDate: Date? = nil) {
        self.apiKey = apiKey
        self.jurisdictionID = jurisdictionID
        self.startDate = startDate
        self.endDate = endDate
    }

    /// The most updates to return.
    public var limit: Int { Self.defaultLimit }

    /// The `updated_datetime` range to search: the dates given, completed to 90 days.
    public func dateRange(now: Date) -> ClosedRange<Date> {
        Open311DateWindow.range(start: startDate, end: endDate, now: now)
    }

    /// Reads and checks a query string's parameters.
    public static func parse(_ query: Open311Form) throws(Open311Errors) -> Open311UpdateQuery {
        var reader = Open311FieldReader(query)
        let apiKey = reader.text("api_key")
        let jurisdictionID = reader.text("jurisdiction_id")
        let (start, end) = Open311DateWindow.read(&reader)
        try reader.finish()
        return Open311UpdateQuery(apiKey: apiKey, jurisdictionID: jurisdictionID, startDate: start, endDate: end)
    }
}
