import Foundation
import ReportDomain
import Testing

/// Rule 6: duplicates bundle under one main report and follow its status.
@Suite("Rule 6: duplicates")
struct DuplicateTests {
    let conny = Actor.municipalityUser(id: "conny")

    @Test("A merged report keeps its own number and follows its main report's public status")
    func followsMain() throws {
        var main = Story.submitted()
        var duplicate = Story.submitted()
        let events = try duplicate.act(conny, .merge(into: main.current))
        #expect(events.map(\.eventType) == ["ReportMerged"])
        try main.act(conny, .attachDuplicate(duplicate.id))
        #expect(main.current.duplicateIDs == [duplicate.id])
        #expect(duplicate.current.status == .merged)
        #expect(duplicate.current.mainReportID == main.id)
        #expect(duplicate.id != main.id)

        let policy = main.policy.publicStatus
        try main.act(.system(name: "routing"), .forward(Fixtures.wasteCollector))
        #expect(policy.status(of: duplicate.current, main: main.current) == .forwarded(to: "de afvalinzamelaar"))
        try main.act(.party("renewi"), .completeWork(photoURL: nil, note: nil))
        #expect(policy.status(of: duplicate.current, main: main.current) == .resolved)
        // Done by the party is not Open311 "closed" (rule 1), for the duplicate as for its main report.
        #expect(policy.open311Status(of: duplicate.current, main: main.current) == .open)
        try main.act(conny, .close(.resolved, publicNote: nil, internalNote: nil))
        #expect(policy.open311Status(of: duplicate.current, main: main.current) == .closed)
        let view = PublicReport(duplicate.current, policy: policy, main: main.current)
        #expect(view.status == .resolved)
        #expect(view.mainReportID == main.id)
    }

    @Test("What happens to the main report reaches its duplicates' systems; its bookkeeping does not")
    func whatReachesDuplicates() throws {
        var main = Story.submitted()
        let duplicate = Story.submitted()
        var reaching: [String] = []
        var staying: [String] = []
        func record(_ events: [ReportEvent]) {
            for event in events {
                if event.reachesDuplicates { reaching.append(event.eventType) } else { staying.append(event.eventType) }
            }
        }
        record(try main.act(conny, .attachDuplicate(duplicate.id)))
        record(try main.act(conny, .acknowledge))
        record(try main.act(conny, .addComment("Intern: bewoner belt vaak", visibility: .internal)))
        record(try main.act(conny, .addComment("We kijken ernaar.", visibility: .public)))
        record(try main.act(.system(name: "routing"), .forward(Fixtures.wasteCollector)))
        record(try main.act(.party("renewi"), .completeWork(photoURL: "https://foto.example/na.jpg", note: nil)))
        record(try main.act(.reporter, .reopen(reason: "Nog steeds kapot")))
        #expect(reaching == ["ReportAcknowledged", "CommentAdded", "ReportForwarded", "WorkCompletedByParty", "ReportReopened"])
        #expect(staying == ["DuplicateAttached", "CommentAdded"])
        // The main report's own submission is no news to a duplicate merged under it later.
        #expect(!main.events[0].reachesDuplicates)
    }

    @Test("Without its main report's state a merged report shows as closed as a duplicate")
    func withoutMain() throws {
        let main = Story.submitted()
        var duplicate = Story.submitted()
        try duplicate.act(conny, .merge(into: main.current))
        #expect(PublicStatusPolicy().status(of: duplicate.current) == .closed(.duplicate))
        // A wrong "main" is not followed either.
        #expect(PublicStatusPolicy().status(of: duplicate.current, main: Story.completedByParty().current) == .closed(.duplicate))
    }

    @Test("Merging into itself is refused")
    func notIntoItself() {
        let story = Story.submitted()
        #expect(story.refusal(conny, .merge(into: story.current))?.code == "report.merge_into_itself")
        #expect(story.refusal(conny, .attachDuplicate(story.id))?.code == "report.merge_into_itself")
    }

    @Test("Merging into a merged report is refused, naming the report to merge into instead")
    func notIntoAMergedReport() throws {
        let main = Story.submitted()
        var middle = Story.submitted()
        try middle.act(conny, .merge(into: main.current))
        let error = Story.submitted().refusal(conny, .merge(into: middle.current))
        #expect(error == .mainReportIsMerged(mainReportID: middle.id, itsMainReportID: main.id))
        #expect(error?.message.contains(main.id.description) == true)
    }

    @Test("Only the municipality merges, and a merged report accepts little else")
    func mergedReportIsInert() throws {
        let main = Story.submitted()
        var duplicate = Story.submitted()
        #expect(duplicate.refusal(.reporter, .merge(into: main.current))?.code == "report.actor_not_allowed")
        try duplicate.act(conny, .merge(into: main.current))
        #expect(duplicate.refusal(conny, .merge(into: Story.submitted().current))?.code == "report.merged")
        #expect(duplicate.refusal(conny, .close(.duplicate, publicNote: nil, internalNote: nil))?.code == "report.merged")
        #expect(duplicate.refusal(.reporter, .reopen(reason: nil))?.code == "report.merged")
        // Comments and the reporter's own preferences still work on a merged report.
        #expect(duplicate.refusal(.reporter, .addComment("Ook bij nummer 12", visibility: .public)) == nil)
        #expect(duplicate.refusal(.reporter, .changeNotificationPreference(.none, contact: nil)) == nil)
    }
}
