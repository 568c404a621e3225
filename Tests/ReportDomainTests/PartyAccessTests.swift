import Foundation
import ReportDomain
import Testing

/// Rule 4: each party sees only its own reports, and personal data only under an agreement.
@Suite("Rule 4: parties and personal data")
struct PartyAccessTests {
    @Test("A party without a processing agreement gets the report without personal data")
    func redactedWithoutAgreement() throws {
        var story = Story.forwarded(to: Fixtures.wasteCollector)
        try story.act(.reporter, .addComment("Bel me op 06 12345678", visibility: .public))
        let redacted = story.current.redacted(for: Fixtures.wasteCollector)
        #expect(redacted.contact == nil)
        #expect(redacted.notificationPreference == .none)
        #expect(redacted.comments.first?.text == nil)
        // Everything needed to do the work stays.
        #expect(redacted.location == story.current.location)
        #expect(redacted.description == story.current.description)
        #expect(redacted.photoURLs == story.current.photoURLs)
        #expect(redacted.category == story.current.category)
    }

    @Test("A party with a processing agreement gets the whole report")
    func wholeWithAgreement() throws {
        let story = Story.forwarded(to: Fixtures.lightingContractor)
        #expect(story.current.redacted(for: Fixtures.lightingContractor) == story.current)
        #expect(story.current.redacted(for: Fixtures.lightingContractor).contact == Fixtures.contact)
    }

    @Test("A party sees only reports that were forwarded to it")
    func visibility() throws {
        var story = Story.submitted()
        #expect(!story.current.isVisible(to: "renewi"))
        try story.act(.system(name: "routing"), .forward(Fixtures.wasteCollector))
        #expect(story.current.isVisible(to: "renewi"))
        #expect(!story.current.isVisible(to: "lichtpunt"))
        try story.act(.party("renewi"), .rejectWork(reason: "Niet van ons."))
        try story.act(.system(name: "routing"), .forward(Fixtures.lightingContractor))
        #expect(story.current.isVisible(to: "lichtpunt"))
        #expect(story.current.involvedParties == ["renewi", "lichtpunt"])
    }

    @Test("Events reach a party without an agreement without personal data; the reporter's comments are withheld")
    func eventsRedactedWithoutAgreement() throws {
        var story = Story.forwarded(to: Fixtures.wasteCollector)
        try story.act(.reporter, .addComment("Bel me op 06 12345678", visibility: .public))
        try story.act(.reporter, .changeNotificationPreference(Fixtures.everyStepByEmail, contact: Fixtures.contact))
        let redacted = story.events.map { $0.redacted(for: Fixtures.wasteCollector) }
        guard case .reportSubmitted(let submitted)? = redacted[0] else {
            Issue.record("the submission must reach the party")
            return
        }
        #expect(submitted.contact == nil)
        #expect(submitted.notificationPreference == .none)
        #expect(submitted.location == story.current.location)
        #expect(submitted.description == story.current.description)
        #expect(redacted.contains(nil))
        #expect(!redacted.compactMap { $0 }.contains { event in
            if case .commentAdded(let comment) = event { return comment.author == .reporter }
            return false
        })
        for case .notificationPreferenceChanged(let changed)? in redacted {
            #expect(changed.contact == nil)
        }
        let whole = story.events.map { $0.redacted(for: Fixtures.lightingContractor) }
        #expect(whole == story.events.map { Optional($0) })
    }

    @Test("Party data is validated")
    func partyValidation() {
        #expect(throws: ReportError.invalidField(field: "party.display_name", reason: "is empty")) {
            try Party(id: "x", displayName: " ", hasProcessingAgreement: false)
        }
    }
}
