import Foundation
import Open311
import Testing

@Suite("POST /requests form")
struct RequestSubmissionTests {
    func parse(_ body: String) throws -> Open311RequestSubmission {
        try Open311RequestSubmission.parse(Open311Form(urlEncoded: body))
    }

    /// The fields of the errors thrown for a body; empty when it parses.
    func failedFields(_ body: String) -> [String] {
        do {
            _ = try parse(body)
            return []
        } catch let errors as Open311Errors {
            return errors.errors.map { $0.field ?? "" }
        } catch {
            return ["unexpected \(error)"]
        }
    }

    func errors(_ body: String) -> [Open311Error] {
        do {
            _ = try parse(body)
            return []
        } catch let errors as Open311Errors {
            return errors.errors
        } catch {
            return []
        }
    }

    @Test("The spec's example request")
    func specExample() throws {
        let submission = try parse(
            "api_key=xyz&jurisdiction_id=city.gov&service_code=001&lat=37.76524078&long=-122.4212043&address_string=1234+5th+street"
            + "&email=smit333%40sfgov.edu&device_id=tt222111&account_id=123456&first_name=john&last_name=smith&phone=111111111"
            + "&description=A+large+sinkhole+is+destroying+the+street&media_url=http%3A%2F%2Ffarm3.static.flickr.com%2F2002%2F2212426634_5ed477a060.jpg"
            + "&attribute[WHISPAWN]=123456&attribute[WHISDORN]=COISL001")
        #expect(submission.apiKey == "xyz")
        #expect(submission.jurisdictionID == "city.gov")
        #expect(submission.serviceCode == "001")
        #expect(submission.coordinate == Open311Coordinate(latitude: 37.76524078, longitude: -122.4212043))
        #expect(submission.addressString == "1234 5th street")
        #expect(submission.email == "smit333@sfgov.edu")
        #expect(submission.deviceID == "tt222111")
        #expect(submission.accountID == "123456")
        #expect(submission.firstName == "john" && submission.lastName == "smith")
        #expect(submission.phone == "111111111")
        #expect(submission.description == "A large sinkhole is destroying the street")
        #expect(submission.mediaURL == URL(string: "http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg"))
        #expect(submission.attributes == ["WHISPAWN": ["123456"], "WHISDORN": ["COISL001"]])
    }

    @Test("An address alone is a location; so is an address id")
    func addressOnly() throws {
        let byAddress = try parse("service_code=7&address_string=Markt+1%2C+Leerdam")
        #expect(byAddress.coordinate == nil)
        #expect(byAddress.addressString == "Markt 1, Leerdam")
        #expect(try parse("service_code=7&address_id=0512200000012345").addressID == "0512200000012345")
    }

    @Test("service_code is required")
    func missingServiceCode() {
        let found = errors("lat=52&long=5")
        #expect(found.map(\.field) == ["service_code"])
        #expect(found.first?.code == 400)
        #expect(found.first?.description == "service_code is required.")
    }

    @Test("A location is required")
    func missingLocation() {
        #expect(failedFields("service_code=7&description=kapot") == ["location"])
    }

    @Test("Empty parameters count as absent")
    func emptyIsAbsent() throws {
        #expect(failedFields("service_code=&lat=&long=&address_string=Markt+1") == ["service_code"])
        let submission = try parse("service_code=7&lat=&long=&address_string=Markt+1&email=&description=")
        #expect(submission.coordinate == nil && submission.email == nil && submission.description == nil)
    }

    @Test("lat and long must come together, be decimal numbers, and lie in WGS84 range", arguments: [
        ("lat=91&long=5", "lat"), ("lat=-90.0001&long=5", "lat"), ("lat=52&long=180.5", "long"), ("lat=52&long=-181", "long"),
        ("lat=52", "long"), ("long=5", "lat"), ("lat=52%2C37&long=5", "lat"), ("lat=nan&long=5", "lat"), ("lat=inf&long=5", "lat"),
        ("lat=0x10&long=5", "lat"), ("lat=52&long=", "long"), ("lat=5e&long=5", "lat"), ("lat=.&long=5", "lat"),
    ])
    func badCoordinates(query: String, field: String) {
        #expect(failedFields("service_code=7&" + query) == [field])
    }

    @Test("Coordinates at the edges of the range, with signs and exponents, are accepted", arguments: [
        ("90", "180", 90.0, 180.0), ("-90", "-180", -90.0, -180.0), ("+51.9", "5.09", 51.9, 5.09), (".5", "5.", 0.5, 5.0), ("5.2e1", "0", 52.0, 0.0),
    ])
    func goodCoordinates(lat: String, long: String, latitude: Double, longitude: Double) throws {
        let submission = try parse("service_code=7&lat=\(lat)&long=\(long)".replacingOccurrences(of: "+", with: "%2B"))
        #expect(submission.coordinate == Open311Coordinate(latitude: latitude, longitude: longitude))
    }

    @Test("The out-of-range message names the field and the range")
    func rangeMessage() {
        let description = errors("service_code=7&lat=91&long=5").first?.description ?? ""
        #expect(description.contains("lat") && description.contains("-90 and 90") && description.contains("91"))
        #expect(errors("service_code=7&lat=52,1&long=5").first?.description.contains("decimal point") == true)
    }

    @Test("description holds at most 4,000 characters, line breaks kept")
    func descriptionLength() throws {
        let fits = String(repeating: "é", count: 3999) + "\n"
        let submission = try parse("service_code=7&address_id=1&description=" + fits.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
        #expect(submission.description == fits)
        let tooLong = String(repeating: "a", count: 4001)
        let found = errors("service_code=7&address_id=1&description=" + tooLong)
        #expect(found.map(\.field) == ["description"])
        #expect(found.first?.description.contains("4001") == true && found.first?.description.contains("4000") == true)
    }

    @Test("email must have the shape of an address, and is not echoed back", arguments: [
        "johan", "johan@", "@leerdam.nl", "johan@example", "jo han@example.nl", "johan@@example.nl", "johan@exa_mple.nl",
        "johan@.example.nl", ".johan@example.nl", "johan@example..nl",
    ])
    func badEmail(email: String) {
        let found = errors("service_code=7&address_id=1&email=" + email.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
        #expect(found.map(\.field) == ["email"])
        #expect(found.first.map { !$0.description.contains(email) } == true)
    }

    @Test("Good email addresses pass", arguments: ["johan@example.nl", "j.de.vries+melding@gemeente-leerdam.nl", "karin@münchen.de"])
    func goodEmail(email: String) throws {
        let submission = try parse("service_code=7&address_id=1&email=" + email.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
        #expect(submission.email == email)
    }

    @Test("media_url must be an absolute http(s) URL; several are kept in order", arguments: [
        "ftp://example.nl/a.jpg", "javascript:alert(1)", "/media/a.jpg", "https://", "foto.jpg",
    ])
    func badMediaURL(url: String) {
        #expect(failedFields("service_code=7&address_id=1&media_url=" + url.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!) == ["media_url"])
    }

    @Test("Several media URLs are kept in order")
    func severalMediaURLs() throws {
        let submission = try parse("service_code=7&address_id=1&media_url=https%3A%2F%2Fa.nl%2F1.jpg&media_url=HTTP%3A%2F%2Fb.nl%2F2.jpg")
        #expect(submission.mediaURLs.map(\.absoluteString) == ["https://a.nl/1.jpg", "HTTP://b.nl/2.jpg"])
    }

    @Test("Every problem is reported in one answer")
    func collectsErrors() {
        let found = failedFields("email=nope&lat=100&long=5&description=" + String(repeating: "x", count: 4001) + "&attribute[x=1")
        #expect(Set(found) == ["service_code", "email", "lat", "description", "attribute[x"])
    }

    @Test("A single-valued parameter sent twice with different values is refused; the same value twice is fine")
    func conflictingDuplicates() throws {
        #expect(failedFields("service_code=7&service_code=8&address_id=1") == ["service_code"])
        #expect(try parse("service_code=7&service_code=7&address_id=1").serviceCode == "7")
    }

    @Test("Multi-value attributes arrive as lists")
    func multiAttributes() throws {
        let submission = try parse("service_code=7&address_id=1&attribute[soort][]=rest&attribute[soort][]=papier&attribute[aantal]=2")
        #expect(submission.attributes == ["soort": ["rest", "papier"], "aantal": ["2"]])
    }
}
