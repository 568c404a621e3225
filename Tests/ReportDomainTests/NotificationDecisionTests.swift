import Foundation
import ReportDomain
import Testing

/// Rule 5 (and 14): the reporter chooses notifications; the municipality can switch them off.
@Suite("Rule 5: notification decisions")
struct NotificationDecisionTests {
    let conny = Actor.municipalityUser(id: "conny")

    /// The decision for the last event of the story.
    func decision(_ story: Story) -> NotificationDecision {
        NotificationDecision.decide(for: story.current, about: story.events.last!, policy: story.policy)
    }

    @Test("Every step: intermediate steps and the outcome are sent")
    func everyStep() throws {
        var story = Story.submitted()
        try story.act(.system(name: "routing"), .forward(Fixtures.wasteCollector))
        #expect(decision(story) == .notify(channel: .email, includeSatisfactionSurvey: false))
        try story.act(.party("renewi"), .scheduleWork(on: Fixtures.hours(40)))
        #expect(decision(story) == .notify(channel: .email, includeSatisfactionSurvey: false))
        try story.act(.party("renewi"), .completeWork(photoURL: nil, note: nil))
        #expect(decision(story) == .notify(channel: .email, includeSatisfactionSurvey: false))
    }

    @Test("Only resolution: steps are skipped, the outcome is sent")
    func onlyResolution() throws {
        var story = Story.submitted(Fixtures.submission(preference: Fixtures.onlyResolutionByEmail))
        try story.act(.system(name: "routing"), .forward(Fixtures.wasteCollector))
        #expect(decision(story) == .skip(.notAnOutcome))
        try story.act(.party("renewi"), .updateStatus(publicNote: "Onderweg.", internalNote: nil, workStarted: true))
        #expect(decision(story) == .skip(.notAnOutcome))
        try story.act(.party("renewi"), .completeWork(photoURL: nil, note: nil))
        #expect(decision(story) == .notify(channel: .email, includeSatisfactionSurvey: false))
        try story.act(conny, .close(.resolved, publicNote: nil, internalNote: nil))
        #expect(decision(story) == .notify(channel: .email, includeSatisfactionSurvey: false))
    }

    @Test("Only resolution: a party's fix is no outcome when the municipality does not count it as resolved")
    func onlyResolutionStrictPolicy() throws {
        let strict = Fixtures.policy(publicStatus: PublicStatusPolicy(completedByPartyCountsAsResolved: false))
        var story = Story.submitted(Fixtures.submission(preference: Fixtures.onlyResolutionByEmail), policy: strict)
        try story.act(.system(name: "routing"), .forward(Fixtures.wasteCollector))
        try story.act(.party("renewi"), .completeWork(photoURL: nil, note: nil))
        #expect(decision(story) == .skip(.notAnOutcome))
    }

    @Test("None: nothing is sent")
    func none() throws {
        var story = Story.submitted(Fixtures.submission(preference: .none))
        try story.act(conny, .close(.resolved, publicNote: nil, internalNote: nil))
        #expect(decision(story) == .skip(.reporterChoseNone))
    }

    @Test("The municipality's switch overrides the reporter's choice")
    func municipalitySwitch() throws {
        var story = Story.submitted(policy: Fixtures.policy(notificationsEnabled: false))
        try story.act(conny, .close(.resolved, publicNote: nil, internalNote: nil))
        #expect(decision(story) == .skip(.municipalityDisabled))
    }

    @Test("Internal events and the reporter's own actions are not sent")
    func internalEventsAreSkipped() throws {
        var story = Story.forwarded()
        try story.act(conny, .updateStatus(publicNote: nil, internalNote: "Materiaal besteld", workStarted: false))
        #expect(decision(story) == .skip(.notForReporter))
        try story.act(conny, .addComment("intern", visibility: .internal))
        #expect(decision(story) == .skip(.notForReporter))
        try story.act(conny, .categorise("afval.zijplaatsing"))
        #expect(decision(story) == .skip(.notForReporter))
        try story.act(.reporter, .addComment("Nog steeds kapot", visibility: .public))
        #expect(decision(story) == .skip(.notForReporter))
        try story.act(conny, .updateStatus(publicNote: "Het deksel is besteld.", internalNote: nil, workStarted: false))
        #expect(decision(story) == .notify(channel: .email, includeSatisfactionSurvey: false))
    }

    @Test("The final message carries the satisfaction survey when the municipality sends one")
    func surveyWithFinalMessage() throws {
        var story = Story.forwarded(policy: Fixtures.policy(satisfactionSurveyEnabled: true))
        try story.act(.party("renewi"), .updateStatus(publicNote: "Onderweg.", internalNote: nil, workStarted: true))
        #expect(decision(story) == .notify(channel: .email, includeSatisfactionSurvey: false))
        try story.act(.party("renewi"), .completeWork(photoURL: nil, note: nil))
        #expect(decision(story) == .notify(channel: .email, includeSatisfactionSurvey: true))
    }

    @Test("After erasure nothing is sent until the reporter chooses again")
    func afterErasure() throws {
        var story = Story.forwarded()
        try story.act(conny, .erasePersonalData(reason: "verzoek van de melder"))
        try story.act(conny, .updateStatus(publicNote: "Deksel besteld.", internalNote: nil, workStarted: false))
        #expect(decision(story) == .skip(.reporterChoseNone))
        #expect(story.refusal(.reporter, .changeNotificationPreference(Fixtures.everyStepByEmail, contact: nil))?.field == "contact.email")
        try story.act(.reporter, .changeNotificationPreference(try NotificationPreference(level: .everyStep, channel: .app), contact: nil))
        try story.act(conny, .updateStatus(publicNote: "Deksel geleverd.", internalNote: nil, workStarted: false))
        #expect(decision(story) == .notify(channel: .app, includeSatisfactionSurvey: false))
    }

    @Test("Reporters of merged reports hear how the main report goes, and nothing of unrelated reports")
    func duplicatesFollowTheMain() throws {
        var main = Story.submitted()
        var duplicate = Story.submitted()
        try duplicate.act(conny, .merge(into: main.current))
        try main.act(.system(name: "routing"), .forward(Fixtures.wasteCollector))
        let forwarded = main.events.last!
        #expect(NotificationDecision.decide(for: duplicate.current, about: forwarded, policy: main.policy) == .notify(channel: .email, includeSatisfactionSurvey: false))
        let unrelated = Story.forwarded()
        #expect(NotificationDecision.decide(for: duplicate.current, about: unrelated.events.last!, policy: main.policy) == .skip(.otherReport))
    }

    @Test("Asking for e-mail notifications without an e-mail address is refused at once")
    func preferenceNeedsContact() {
        let story = Story()
        let error = story.refusal(.reporter, .submit(Fixtures.submission(contact: try! ReporterContact(phone: "0612345678"))))
        #expect(error?.code == "report.invalid_field")
        #expect(error?.field == "contact.email")
    }
}
