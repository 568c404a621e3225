import Foundation
import ReportDomain
import Testing

/// Rule 3: public status is derived, per municipality, and richer than open/closed.
@Suite("Rule 3: public versus internal")
struct PublicStatusTests {
    let conny = Actor.municipalityUser(id: "conny")

    @Test("Internal states map to richer public statuses than open/closed")
    func richerThanOpenClosed() throws {
        let policy = PublicStatusPolicy()
        var story = Story.submitted()
        #expect(policy.status(of: story.current) == .received)
        try story.act(conny, .acknowledge)
        #expect(policy.status(of: story.current) == .received)
        try story.act(conny, .assign(Fixtures.roads))
        #expect(policy.status(of: story.current) == .inProgress)
        try story.act(conny, .scheduleWork(on: Fixtures.hours(30)))
        #expect(policy.status(of: story.current) == .scheduled(on: Fixtures.hours(30), partyName: nil))
        try story.act(conny, .forward(Fixtures.lightingContractor))
        #expect(policy.status(of: story.current) == .forwarded(to: "de verlichtingsaannemer"))
        let kinds = Set([PublicStatus.received, .inProgress, .scheduled(on: Fixtures.start, partyName: nil), .forwarded(to: "x"), .resolved, .closed(.duplicate)].map(\.kind))
        #expect(kinds.count == PublicStatusKind.allCases.count)
    }

    @Test("Labels are per municipality, with the party's name filled in")
    func labelsPerMunicipality() {
        let english = PublicStatusPolicy(labels: [
            PublicStatusKind.received: "Received", .inProgress: "In progress", .scheduled: "Scheduled",
            .forwarded: "Forwarded to {party}", .resolved: "Resolved", .closed: "Closed",
        ])
        #expect(english.label(for: .forwarded(to: "the waste collector")) == "Forwarded to the waste collector")
        #expect(english.label(for: .resolved) == "Resolved")
        #expect(PublicStatusPolicy().label(for: .received) == "Ontvangen")
        let partial = PublicStatusPolicy(labels: [.resolved: "Klaar"])
        #expect(partial.label(for: .resolved) == "Klaar")
        #expect(partial.label(for: .closed(.duplicate)) == "Afgesloten")
    }

    @Test("Open311 status: open until closed or confirmed; a party's done closes only when the policy says so")
    func open311() throws {
        let policy = PublicStatusPolicy()
        var story = Story.forwarded()
        #expect(policy.open311Status(of: story.current) == .open)
        try story.act(.party("renewi"), .completeWork(photoURL: nil, note: nil))
        #expect(policy.status(of: story.current) == .resolved)
        #expect(policy.open311Status(of: story.current) == .open)
        let lenient = PublicStatusPolicy(completedByPartyClosesOpen311: true)
        #expect(lenient.open311Status(of: story.current) == .closed)
        let strict = PublicStatusPolicy(completedByPartyCountsAsResolved: false, completedByPartyClosesOpen311: true)
        #expect(strict.open311Status(of: story.current) == .open)
        try story.act(.reporter, .confirmResolution)
        #expect(policy.open311Status(of: story.current) == .closed)
    }

    @Test("Internal notes never appear in the public view; public notes do")
    func internalNotesStayInternal() throws {
        var story = Story.forwarded()
        try story.act(conny, .updateStatus(publicNote: "We hebben een nieuw deksel besteld.", internalNote: "GEHEIM: leverancier te laat, boete overwegen", workStarted: false))
        try story.act(conny, .addComment("GEHEIM: intern commentaar", visibility: .internal))
        try story.act(.reporter, .addComment("Mijn buurman Piet zegt het ook", visibility: .public))
        try story.act(conny, .close(.administrative, publicNote: "Afgehandeld.", internalNote: "GEHEIM: afgesloten wegens budget"))
        let view = PublicReport(story.current, policy: story.policy.publicStatus)
        #expect(view.publicNotes.map(\.text) == ["We hebben een nieuw deksel besteld.", "Afgehandeld."])
        var dump = ""
        Swift.dump(view, to: &dump)
        #expect(!dump.contains("GEHEIM"))
        #expect(!dump.contains("Piet"))
        #expect(!dump.contains("johan@example.nl"))
        #expect(!dump.contains("Johan"))
        #expect(story.current.internalNotes.count == 2)
    }

    @Test("The public view shows the party's fix photo and the promised date")
    func publicViewShowsFixAndPromise() throws {
        let policy = Fixtures.policy(serviceLevels: ServiceLevelPolicy(standard: ServiceLevel(resolveWithin: .days(5))))
        var story = Story.forwarded(policy: policy)
        try story.act(.party("renewi"), .completeWork(photoURL: "https://photos.example.nl/fixed.jpg", note: "Deksel vervangen."))
        let view = PublicReport(story.current, policy: policy.publicStatus)
        #expect(view.status == .resolved)
        #expect(view.statusLabel == "Opgelost")
        #expect(view.completionPhotoURL == "https://photos.example.nl/fixed.jpg")
        #expect(view.publicNotes.map(\.text) == ["Deksel vervangen."])
        #expect(view.expectedResolutionBy == story.current.submittedAt.addingTimeInterval(5 * 86_400))
    }

    @Test("Whether status needs a login is part of the municipality's policy")
    func loginIsPolicy() {
        #expect(PublicStatusPolicy().requiresLogin == false)
        #expect(PublicStatusPolicy(requiresLogin: true).requiresLogin)
    }
}
