import Foundation
import Open311
import Testing

@Suite("GET /requests and /servicerequestupdates filters")
struct QueryTests {
    let now = Fixtures.date(2026, 11, 23, 12)

    func requestQuery(_ text: String) throws -> Open311RequestQuery {
        try Open311RequestQuery.parse(Open311Form(urlEncoded: text))
    }

    func failedFields(_ text: String) -> [String] {
        do {
            _ = try requestQuery(text)
            return []
        } catch let errors as Open311Errors {
            return errors.errors.map { $0.field ?? "" }
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test("service_request_id is a comma list that overrides every other filter")
    func idsOverride() throws {
        let query = try requestQuery("service_request_id=1,+2,,3&service_request_id=4,1&service_code=7&status=bogus&start_date=never")
        #expect(query.serviceRequestIDs == ["1", "2", "3", "4"])
        #expect(query.serviceCodes.isEmpty && query.statuses.isEmpty && query.startDate == nil)
    }

    @Test("service_code and status are comma lists, also when repeated")
    func lists() throws {
        let query = try requestQuery("service_code=a,b&service_code=c&status=open,CLOSED&jurisdiction_id=leerdam")
        #expect(query.serviceCodes == ["a", "b", "c"])
        #expect(query.statuses == [.open, .closed])
        #expect(query.jurisdictionID == "leerdam")
        #expect(query.serviceRequestIDs.isEmpty)
    }

    @Test("An unknown status is refused")
    func unknownStatus() {
        #expect(failedFields("status=open,pending") == ["status"])
    }

    @Test("Without dates: the last 90 days up to now, at most 1,000 requests")
    func defaultWindow() throws {
        let query = try requestQuery("")
        let range = query.dateRange(now: now)
        #expect(range.upperBound == now)
        #expect(range.lowerBound == Fixtures.date(2026, 8, 25, 12))
        #expect(query.limit == 1000)
        #expect(Open311RequestQuery.defaultLimit == 1000)
        #expect(Open311RequestQuery.defaultSpan == 90 * 86_400)
    }

    @Test("Given dates are used as sent; a lone start or end is completed to 90 days")
    func givenDates() throws {
        let both = try requestQuery("start_date=2026-01-01T00:00:00Z&end_date=2026-02-01T00:00:00%2B01:00")
        #expect(both.dateRange(now: now) == Fixtures.date(2026, 1, 1)...Fixtures.date(2026, 1, 31, 23))
        let start = try requestQuery("start_date=2026-01-01T00:00:00Z")
        #expect(start.dateRange(now: now) == Fixtures.date(2026, 1, 1)...Fixtures.date(2026, 4, 1))
        let end = try requestQuery("end_date=2026-04-01T00:00:00Z")
        #expect(end.dateRange(now: now) == Fixtures.date(2026, 1, 1)...Fixtures.date(2026, 4, 1))
    }

    @Test("A reversed range, one wider than 90 days, or an unreadable date is refused")
    func badRanges() throws {
        #expect(failedFields("start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z") == ["end_date"])
        #expect(failedFields("start_date=2026-01-01T00:00:00Z&end_date=2026-04-01T00:00:01Z") == ["end_date"])
        #expect(failedFields("start_date=2026-01-01T00:00:00Z&end_date=2026-04-01T00:00:00Z").isEmpty)
        #expect(failedFields("start_date=gisteren") == ["start_date"])
    }

    @Test("Updates: dates, api_key and the same window rules")
    func updateQuery() throws {
        let query = try Open311UpdateQuery.parse(Open311Form(urlEncoded:
            "api_key=k&start_date=2026-11-20T00:00:00Z&end_date=2026-11-23T00:00:00Z"))
        #expect(query.apiKey == "k")
        #expect(query.dateRange(now: now) == Fixtures.date(2026, 11, 20)...Fixtures.date(2026, 11, 23))
        #expect(try Open311UpdateQuery.parse(Open311Form()).dateRange(now: now).upperBound == now)
        #expect(query.limit == Open311UpdateQuery.defaultLimit)
        #expect(throws: Open311Errors.self) {
            try Open311UpdateQuery.parse(Open311Form(urlEncoded: "start_date=2026-11-23T00:00:00Z&end_date=2026-11-20T00:00:00Z"))
        }
    }
}
