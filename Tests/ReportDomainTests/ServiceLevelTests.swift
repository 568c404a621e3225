import Foundation
import ReportDomain
import Testing

/// Rule 9: service levels per municipality, per category and per urgency, promised at submission.
@Suite("Rule 9: service levels")
struct ServiceLevelTests {
    let levels = ServiceLevelPolicy(
        standard: ServiceLevel(acknowledgeWithin: .hours(24), resolveWithin: .days(10)),
        byCategory: ["afval.container": ServiceLevel(acknowledgeWithin: .hours(2), resolveWithin: .days(2))],
        byUrgency: [.urgent: ServiceLevel(acknowledgeWithin: .minutes(30), resolveWithin: .hours(4))]
    )

    @Test("The expected handling date is computed at submission from the category's level")
    func perCategory() throws {
        let story = Story.submitted(policy: Fixtures.policy(serviceLevels: levels))
        let submittedAt = story.current.submittedAt
        #expect(story.current.serviceLevel.acknowledgeBy == submittedAt.addingTimeInterval(2 * 3600))
        #expect(story.current.serviceLevel.resolveBy == submittedAt.addingTimeInterval(2 * 86_400))
        guard case .reportSubmitted(let submitted) = story.events.first else {
            Issue.record("expected ReportSubmitted")
            return
        }
        #expect(submitted.expectedResolutionBy == submittedAt.addingTimeInterval(2 * 86_400))
    }

    @Test("Urgency overrides the category; unknown categories get the standard level")
    func urgencyAndStandard() {
        let urgent = Story.submitted(Fixtures.submission(urgency: .urgent), policy: Fixtures.policy(serviceLevels: levels))
        #expect(urgent.current.serviceLevel.resolveBy == urgent.current.submittedAt.addingTimeInterval(4 * 3600))
        let other = Story.submitted(Fixtures.submission(category: "groen.boom"), policy: Fixtures.policy(serviceLevels: levels))
        #expect(other.current.serviceLevel.resolveBy == other.current.submittedAt.addingTimeInterval(10 * 86_400))
        // High urgency has no level of its own here, so the category's applies.
        let high = Story.submitted(Fixtures.submission(urgency: .high), policy: Fixtures.policy(serviceLevels: levels))
        #expect(high.current.serviceLevel.resolveBy == high.current.submittedAt.addingTimeInterval(2 * 86_400))
    }

    @Test("Service levels are per municipality: the same report gets another promise elsewhere")
    func perMunicipality() {
        let rotterdam = Fixtures.policy(
            municipality: Fixtures.rotterdam,
            serviceLevels: ServiceLevelPolicy(standard: ServiceLevel(acknowledgeWithin: .hours(2)))
        )
        let story = Story.submitted(Fixtures.submission(municipality: Fixtures.rotterdam), policy: rotterdam)
        #expect(story.current.serviceLevel.acknowledgeBy == story.current.submittedAt.addingTimeInterval(7200))
        #expect(story.current.serviceLevel.resolveBy == nil)
        let none = Story.submitted()
        #expect(none.current.serviceLevel == .none)
    }

    @Test("The promise stays when the category changes: the reporter was told a date")
    func promiseSurvivesRecategorising() throws {
        var story = Story.submitted(policy: Fixtures.policy(serviceLevels: levels))
        let promise = story.current.serviceLevel
        try story.act(.municipalityUser(id: "conny"), .categorise("groen.boom"))
        #expect(story.current.serviceLevel == promise)
    }

    @Test("A report is late when the promised moment passes before the work is done")
    func lateness() throws {
        var story = Story.submitted(policy: Fixtures.policy(serviceLevels: levels))
        let resolveBy = try #require(story.current.serviceLevel.resolveBy)
        #expect(!story.current.isPastExpectedResolution(at: resolveBy))
        #expect(story.current.isPastExpectedResolution(at: resolveBy.addingTimeInterval(1)))
        try story.act(.system(name: "routing"), .forward(Fixtures.wasteCollector))
        try story.act(.party("renewi"), .completeWork(photoURL: nil, note: nil))
        #expect(!story.current.isPastExpectedResolution(at: resolveBy.addingTimeInterval(86_400)))
    }

    @Test("Handling times are whole seconds")
    func handlingTimes() {
        #expect(HandlingTime.hours(2).seconds == 7200)
        #expect(HandlingTime.days(1) == .hours(24))
        #expect(HandlingTime.minutes(-5).seconds == 0)
    }
}
