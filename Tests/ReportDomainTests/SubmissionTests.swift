import Foundation
import ReportDomain
import Testing

/// What a submission must carry, and how bad input is refused with a message a person understands.
@Suite("Submission")
struct SubmissionTests {
    @Test("A submission records everything the channel sent")
    func recordsEverything() throws {
        let story = Story.submitted()
        let report = story.current
        #expect(report.status == .submitted)
        #expect(report.municipality == Fixtures.enschede)
        #expect(report.channel == .app)
        #expect(report.category == "afval.container")
        #expect(report.location.postcode == "7511 GA")
        #expect(report.contact == Fixtures.contact)
        #expect(report.externalReference?.id == "VDB-1234")
        #expect(report.submittedAt == Fixtures.hours(1))
        #expect(report.version == 1)
        #expect(story.events.first?.streamName == "report-" + story.id.uuid.uuidString.lowercased())
    }

    @Test("Anonymous reports exist: no contact at all, or only empty fields")
    func anonymous() throws {
        let anonymous = Story.submitted(Fixtures.submission(contact: nil, preference: .none))
        #expect(anonymous.current.contact == nil)
        let empty = Story.submitted(Fixtures.submission(contact: try ReporterContact(name: " ", email: "", phone: nil), preference: .none))
        #expect(empty.current.contact == nil)
    }

    @Test("The channel's own submission moment is kept")
    func channelMoment() throws {
        var submission = Fixtures.submission()
        submission.submittedAt = Fixtures.hours(-3)
        let story = Story.submitted(submission)
        #expect(story.current.submittedAt == Fixtures.hours(-3))
    }

    @Test("Channels are an open set")
    func openChannels() throws {
        var submission = Fixtures.submission()
        submission.channel = "chatbot"
        #expect(Story.submitted(submission).current.channel.rawValue == "chatbot")
        submission.channel = "Chat Bot"
        #expect(Story().refusal(.reporter, .submit(submission))?.field == "channel")
    }

    @Test(arguments: [
        (52.0, 181.0, "location.longitude"),
        (52.0, -180.5, "location.longitude"),
        (90.5, 6.0, "location.latitude"),
        (-91.0, 6.0, "location.latitude"),
        (Double.nan, 6.0, "location.latitude"),
    ])
    func locationIsWGS84(latitude: Double, longitude: Double, field: String) {
        #expect(throws: ReportError.self) { try Location(latitude: latitude, longitude: longitude) }
        do {
            _ = try Location(latitude: latitude, longitude: longitude)
        } catch {
            #expect(error.field == field)
            #expect(error.message.contains("WGS84"))
        }
    }

    @Test("The edges of WGS84 are valid")
    func edges() throws {
        _ = try Location(latitude: -90, longitude: -180)
        _ = try Location(latitude: 90, longitude: 180)
    }

    @Test("Postcodes are Dutch and normalised")
    func postcodes() throws {
        #expect(try Location(latitude: 52, longitude: 6, postcode: "7511ga").postcode == "7511 GA")
        #expect(try Location(latitude: 52, longitude: 6, postcode: "").postcode == nil)
        #expect(throws: ReportError.self) { try Location(latitude: 52, longitude: 6, postcode: "0511 GA") }
        #expect(throws: ReportError.self) { try Location(latitude: 52, longitude: 6, postcode: "SW1A 1AA") }
    }

    @Test("The description is at most 4000 characters")
    func descriptionLength() {
        let long = Story().refusal(.reporter, .submit(Fixtures.submission(description: String(repeating: "x", count: 4001))))
        #expect(long?.field == "description")
        #expect(long?.message == "The field description is 4001 characters long; at most 4000 are allowed.")
        #expect(Story().refusal(.reporter, .submit(Fixtures.submission(description: String(repeating: "x", count: 4000)))) == nil)
    }

    @Test("A text with the NUL character is refused, naming the field (PostgreSQL cannot store it)")
    func nulCharacter() {
        let refusal = Story().refusal(.reporter, .submit(Fixtures.submission(description: "deksel\u{0}kapot")))
        #expect(refusal?.field == "description")
        #expect(refusal?.message.contains("NUL") == true)
        #expect(throws: ReportError.self) { try Department(code: "wegen", name: "\u{0}<") }
        var photos = Fixtures.submission()
        photos.photoURLs = ["https://photos.example.nl/a\u{0}.jpg"]
        #expect(Story().refusal(.reporter, .submit(photos))?.field == "photo_urls[0]")
    }

    @Test("Category, municipality and photos are checked")
    func otherFields() {
        #expect(Story().refusal(.reporter, .submit(Fixtures.submission(category: " ")))?.field == "category")
        #expect(Story().refusal(.reporter, .submit(Fixtures.submission(municipality: "GM 0153")))?.field == "municipality")
        var photos = Fixtures.submission()
        photos.photoURLs = ["file:///etc/passwd"]
        #expect(Story().refusal(.reporter, .submit(photos))?.field == "photo_urls[0]")
        photos.photoURLs = Array(repeating: "https://photos.example.nl/a.jpg", count: 11)
        #expect(Story().refusal(.reporter, .submit(photos))?.field == "photo_urls")
    }

    @Test("A submission for another municipality than the policy's is refused")
    func municipalityMustMatchPolicy() {
        let error = Story().refusal(.reporter, .submit(Fixtures.submission(municipality: Fixtures.rotterdam)))
        #expect(error?.code == "report.wrong_municipality")
    }

    @Test("Contact data is checked lightly")
    func contactChecks() {
        #expect(throws: ReportError.self) { try ReporterContact(email: "johan.example.nl") }
        #expect(throws: ReportError.self) { try ReporterContact(phone: "bel me") }
        #expect(throws: ReportError.self) { try ReporterContact(phone: "123") }
        #expect(throws: Never.self) { try ReporterContact(name: "Johan", email: "j@example.nl", phone: "+31 (0)6-1234 5678") }
    }

    @Test("A notification channel is needed unless the level is none")
    func preferenceChannel() {
        #expect(throws: ReportError.self) { try NotificationPreference(level: .everyStep, channel: nil) }
        #expect(try! NotificationPreference(level: .none, channel: .email) == .none)
    }

    @Test("Stream names are \"report-\" and the lower-case UUID, and read back")
    func streamNames() throws {
        let id = ReportID(UUID(uuidString: "3F2A6C1E-8B4D-4E7A-9C1B-2D3E4F5A6B7C")!)
        #expect(id.streamName == "report-3f2a6c1e-8b4d-4e7a-9c1b-2d3e4f5a6b7c")
        #expect(ReportID(streamName: id.streamName) == id)
        #expect(ReportID(streamName: "melding-3f2a6c1e-8b4d-4e7a-9c1b-2d3e4f5a6b7c") == nil)
    }
}
