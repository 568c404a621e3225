import Foundation
import ReportDomain
import Testing

/// Rule 12: personal data can be erased and stays erased.
@Suite("Rule 12: privacy")
struct PersonalDataTests {
    let conny = Actor.municipalityUser(id: "conny")

    @Test("PersonalDataErased removes contact data, the reporter's words and the preference")
    func erasure() throws {
        var story = Story.completedByParty()
        try story.act(.reporter, .addComment("Groet, Johan de Vries", visibility: .public))
        try story.act(conny, .addComment("Melder gebeld.", visibility: .internal))
        try story.act(.reporter, .giveFeedback(score: 5, text: "Dank, Johan"))
        try story.act(conny, .erasePersonalData(reason: "Verzoek van de melder"))
        let report = story.current
        #expect(report.contact == nil)
        #expect(report.isPersonalDataErased)
        #expect(report.notificationPreference == .none)
        #expect(report.comments.map(\.text) == [nil, "Melder gebeld."])
        #expect(report.feedback?.text == nil)
        #expect(report.feedback?.score == 5)
    }

    @Test("Later events cannot bring contact data back")
    func laterEventsDoNotReAdd() throws {
        var story = Story.forwarded()
        try story.act(conny, .erasePersonalData(reason: nil))
        try story.act(.party("renewi"), .completeWork(photoURL: nil, note: nil))
        try story.act(conny, .close(.resolved, publicNote: nil, internalNote: nil))
        try story.act(.reporter, .reopen(reason: nil))
        #expect(story.current.contact == nil)
        // Replaying the submission (which still carries the contact) again changes nothing either.
        let replayed = Report.evolve(story.current, story.events[0])
        #expect(replayed?.contact == nil)
        #expect(Report.replay(story.events)?.contact == nil)
    }

    @Test("Only the reporter's own NotificationPreferenceChanged may give contact data again")
    func reporterMayReAdd() throws {
        var story = Story.submitted()
        try story.act(conny, .erasePersonalData(reason: nil))
        let newContact = try ReporterContact(email: "nieuw@example.nl")
        #expect(story.refusal(conny, .changeNotificationPreference(Fixtures.everyStepByEmail, contact: newContact))?.code == "report.actor_not_allowed")
        try story.act(.reporter, .changeNotificationPreference(Fixtures.everyStepByEmail, contact: newContact))
        #expect(story.current.contact == newContact)
        #expect(story.current.notificationPreference == Fixtures.everyStepByEmail)
    }

    @Test("Erasing twice records nothing new; only the municipality erases")
    func idempotentErasure() throws {
        var story = Story.submitted()
        #expect(story.refusal(.reporter, .erasePersonalData(reason: nil))?.code == "report.actor_not_allowed")
        try story.act(conny, .erasePersonalData(reason: nil))
        #expect(try story.act(conny, .erasePersonalData(reason: nil)).isEmpty)
    }

    @Test("Errors never echo the reporter's contact data")
    func errorsDoNotLeak() {
        let error = Story.submitted().refusal(.reporter, .submit(Fixtures.submission()))
        #expect(error.map { !$0.message.contains("johan@example.nl") } == true)
    }
}
