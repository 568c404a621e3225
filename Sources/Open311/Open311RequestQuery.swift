import Foundation

/// The validated filters of `GET /requests`.
///
/// `service_request_id` overrides every other filter and the date window. Otherwise the caller
/// searches `requested_datetime` in `dateRange(now:)` and returns at most `limit` requests:
/// the spec's default is the last 90 days or the first 1,000, whichever is smaller.
public struct Open311RequestQuery: Sendable, Hashable {
    /// The widest date range, and the default one: 90 days.
    public static let defaultSpan: TimeInterval = Open311DateWindow.span
    /// The most requests one answer holds: 1,000.
    public static let defaultLimit = 1000

    /// The jurisdiction asked for, when the endpoint serves several.
    public var jurisdictionID: String?
    /// Requests asked for by id (comma list); when not empty, the other filters do not apply.
    public var serviceRequestIDs: [String]
    /// Only these services (comma list); empty for every service.
    public var serviceCodes: [String]
    /// Earliest `requested_datetime` asked for.
    public var startDate: Date?
    /// Latest `requested_datetime` asked for.
    public var endDate: Date?
    /// Only these statuses (comma list); empty for every status.
    public var statuses: Set<Open311RequestStatus>

    public init(
        jurisdictionID: String? = nil,
        serviceRequestIDs: [String] = [],
        serviceCodes: [String] = [],
        startDate: Date? = nil,
        endDate: Date? = nil,
        statuses: Set<Open311RequestStatus> = []
    ) {
        self.jurisdictionID = jurisdictionID
        self.serviceRequestIDs = serviceRequestIDs
        self.serviceCodes = serviceCodes
        self.startDate = startDate
        self.endDate = endDate
        self.statuses = statuses
    }

    /// The most requests to return.
    public var limit: Int { Self.defaultLimit }

    /// The `requested_datetime` range to search when no ids are asked for: the dates given,
    /// completed to 90 days (after a lone start, before a lone end, or up to `now`).
    public func dateRange(now: Date) -> ClosedRange<Date> {
        Open311DateWindow.range(start: startDate, end: endDate, now: now)
    }

    /// Reads and checks a query string's parameters. With `service_request_id` the other
    /// filters are ignored, so they are not checked either.
    public static func parse(_ query: Open311Form) throws(Open311Errors) -> Open311RequestQuery {
        var reader = Open311FieldReader(query)
        let jurisdictionID = reader.text("jurisdiction_id")
        let ids = reader.commaList("service_request_id")
        if !ids.isEmpty {
            try reader.finish()
            return Open311RequestQuery(jurisdictionID: jurisdictionID, serviceRequestIDs: ids)
        }
        let codes = reader.commaList("service_code")
        let (start, end) = Open311DateWindow.read(&reader)
        var statuses: Set<Open311RequestStatus> = []
        for text in reader.commaList("status") {
            if let status = Open311RequestStatus(rawValue: text.lowercased()) {
                statuses.insert(status)
            } else {
                reader.fail("status", "must be open or closed (or both, comma-separated); got \(Open311FieldReader.shown(text))")
            }
        }
        try reader.finish()
        return Open311RequestQuery(
            jurisdictionID: jurisdictionID,
            serviceCodes: codes,
            startDate: start,
            endDate: end,
            statuses: statuses
        )
    }
}
