import Foundation
import ReportDomain
import Testing

/// Rule 1: handled means fixed on the street.
@Suite("Rule 1: forwarded is not handled")
struct ForwardedIsNotHandledTests {
    let conny = Actor.municipalityUser(id: "conny")

    @Test("A forwarded report is forwarded internally and \"forwarded to <party>\" publicly, never resolved")
    func forwardedIsNotResolved() throws {
        var story = Story.forwarded()
        let policy = story.policy.publicStatus
        #expect(story.current.status == .forwarded)
        #expect(policy.status(of: story.current) == .forwarded(to: "de afvalinzamelaar"))
        #expect(policy.label(for: policy.status(of: story.current)) == "Doorgezet naar de afvalinzamelaar")
        #expect(policy.open311Status(of: story.current) == .open)

        try story.act(.party("renewi"), .scheduleWork(on: Fixtures.hours(48)))
        #expect(policy.status(of: story.current) == .scheduled(on: Fixtures.hours(48), partyName: "de afvalinzamelaar"))
        try story.act(.party("renewi"), .updateStatus(publicNote: nil, internalNote: "onderweg", workStarted: true))
        #expect(policy.status(of: story.current) == .inProgress)
        #expect(!policy.isResolved(story.current))
    }

    @Test("Only the party's WorkCompletedByParty makes a forwarded report resolved")
    func partyCompletionResolves() throws {
        var story = Story.forwarded()
        try story.act(.party("renewi"), .completeWork(photoURL: "https://photos.example.nl/fixed.jpg", note: nil))
        #expect(story.current.status == .completedByParty)
        #expect(story.policy.publicStatus.status(of: story.current) == .resolved)
        #expect(story.current.completion?.party == Fixtures.wasteCollector)
        #expect(story.current.completion?.photoURL == "https://photos.example.nl/fixed.jpg")
    }

    @Test("The municipality cannot close a forwarded report as resolved before the party is done")
    func cannotCloseAsResolvedWhileForwarded() throws {
        let error = Story.forwarded().refusal(conny, .close(.resolved, publicNote: nil, internalNote: nil))
        #expect(error?.code == "report.awaiting_party")
        #expect(error?.message.contains("de afvalinzamelaar") == true)
    }

    @Test("An administrative closure while the party is not done is publicly closed, not resolved")
    func administrativeClosureIsNotResolved() throws {
        var story = Story.forwarded()
        try story.act(conny, .close(.administrative, publicNote: nil, internalNote: "Zaak gesloten in Melddesk"))
        let policy = story.policy.publicStatus
        #expect(story.current.status == .closed)
        #expect(policy.status(of: story.current) == .closed(.administrative))
        #expect(!policy.isResolved(story.current))
        #expect(story.refusal(.reporter, .confirmResolution)?.code == "report.not_resolved")
    }

    @Test("A municipality whose policy says so may show an administrative closure as resolved")
    func policyMayCountAdministrativeClosure() throws {
        let lenient = Fixtures.policy(publicStatus: PublicStatusPolicy(administrativeClosureCountsAsResolved: true))
        var story = Story.forwarded(policy: lenient)
        try story.act(conny, .close(.administrative, publicNote: nil, internalNote: nil))
        #expect(lenient.publicStatus.status(of: story.current) == .resolved)
    }

    @Test("An administrative closure after the party's fix is resolved: the work was done")
    func administrativeClosureAfterFixIsResolved() throws {
        var story = Story.completedByParty()
        try story.act(conny, .close(.administrative, publicNote: nil, internalNote: nil))
        #expect(story.policy.publicStatus.status(of: story.current) == .resolved)
    }

    @Test("Done by the party, closed by the municipality and confirmed by the reporter are three states")
    func threeDifferentThings() throws {
        var story = Story.completedByParty()
        #expect(story.current.status == .completedByParty)
        #expect(story.current.closure == nil && story.current.confirmedAt == nil)
        try story.act(conny, .close(.resolved, publicNote: nil, internalNote: nil))
        #expect(story.current.status == .closed)
        #expect(story.current.confirmedAt == nil)
        try story.act(.reporter, .confirmResolution)
        #expect(story.current.status == .confirmed)
        #expect(story.current.closure?.reason == .resolved)
    }

    @Test("A municipality may hold \"done by the party\" back until it closes the report itself")
    func completionNeedNotCountAsResolved() throws {
        let strict = Fixtures.policy(publicStatus: PublicStatusPolicy(completedByPartyCountsAsResolved: false))
        var story = Story.completedByParty(policy: strict)
        #expect(strict.publicStatus.status(of: story.current) == .inProgress)
        #expect(story.refusal(.reporter, .confirmResolution)?.code == "report.not_resolved")
        try story.act(conny, .close(.resolved, publicNote: nil, internalNote: nil))
        #expect(strict.publicStatus.status(of: story.current) == .resolved)
    }

    @Test("A closure for another reason is shown with that reason, and Open311 says closed")
    func otherClosureReasons() throws {
        for reason in [ClosureReason.duplicate, .notMunicipalResponsibility, .noFurtherAction] {
            var story = Story.submitted()
            try story.act(conny, .close(reason, publicNote: "Niet van de gemeente.", internalNote: nil))
            #expect(story.policy.publicStatus.status(of: story.current) == .closed(reason))
            #expect(story.policy.publicStatus.open311Status(of: story.current) == .closed)
        }
    }

    @Test("A department's own work may be closed as resolved directly")
    func departmentClosesAsResolved() throws {
        var story = Story.submitted()
        try story.act(conny, .assign(Fixtures.roads))
        try story.act(conny, .close(.resolved, publicNote: "Gat gedicht.", internalNote: nil))
        #expect(story.policy.publicStatus.status(of: story.current) == .resolved)
    }
}
