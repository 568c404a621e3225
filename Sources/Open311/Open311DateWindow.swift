import Foundation

/// The date range rules GET /requests and GET /servicerequestupdates share.
///
/// The spec: without dates, the most recent 90 days; a range given may not span more than 90
/// days; and at most the first 1,000 results, whichever is smaller.
enum Open311DateWindow {
    /// 90 days.
    static let span: TimeInterval = 90 * 24 * 60 * 60

    /// Reads `start_date` and `end_date` and refuses a reversed range or one wider than `span`.
    static func read(_ reader: inout Open311FieldReader) -> (start: Date?, end: Date?) {
        let start = reader.datetime("start_date")
        let end = reader.datetime("end_date")
        if let start, let end {
            if end < start {
                reader.fail(.badRequest("end_date is before start_date.", field: "end_date"))
            } else if end.timeIntervalSince(start) > span {
                reader.fail(.badRequest("start_date and end_date may not be more than 90 days apart; ask for the range in parts.", field: "end_date"))
            }
        }
        return (start, end)
    }

    /// The range to search: the dates given, a missing end `span` after the start, a missing start
    /// `span` before the end, and without either the `span` up to `now`.
    static func range(start: Date?, end: Date?, now: Date) -> ClosedRange<Date> {
        switch (start, end) {
        case (let start?, let end?): start...max(start, end)
        case (let start?, nil): start...start.addingTimeInterval(span)
        case (nil, let end?): end.addingTimeInterval(-span)...end
        case (nil, nil): now.addingTimeInterval(-span)...now
        }
    }
}
