import Foundation
import ReportDomain
import Testing

/// The two-sided card index: every connected system's id for a report is recorded as a fact, so
/// a later message naming only that id finds the report.
@Suite("Linking a report to its ids in other systems")
struct ExternalIDLinkTests {
    let conny = Actor.municipalityUser(id: "conny")
    let workOrder = try! ExternalReference(system: "lichtpunt", id: "WO-2026-118")

    @Test("A contractor's work-order number is recorded as ExternalIDLinked and kept in the report's state")
    func linksTheContractorsNumber() throws {
        var story = Story.forwarded(to: Fixtures.lightingContractor)
        let before = story.current
        let events = try story.act(.party("lichtpunt"), .linkExternalID(workOrder))
        #expect(events == [ExternalIDLinked(reportID: story.id, occurredAt: Fixtures.hours(3), system: "lichtpunt", externalID: "WO-2026-118").event])
        #expect(story.current.externalID(in: "lichtpunt") == "WO-2026-118")
        #expect(story.current.externalReferences == [Fixtures.submission().externalReference!, workOrder])
        // Bookkeeping only: the handling is untouched.
        #expect(story.current.status == before.status)
        #expect(story.current.assignee == before.assignee)
        #expect(story.current.externalReference == before.externalReference)
        #expect(story.current.version == before.version + 1)
        #expect(story.current.updatedAt == Fixtures.hours(3))
    }

    @Test("The submission's external reference counts as linked from the start")
    func submissionReferenceIsLinked() {
        let story = Story.submitted()
        #expect(story.current.externalID(in: "verbeterdebuurt") == "VDB-1234")
        #expect(story.current.externalID(in: "lichtpunt") == nil)
    }

    @Test("The same id again records nothing: a resent answer is harmless")
    func sameIDIsIdempotent() throws {
        var story = Story.forwarded(to: Fixtures.lightingContractor)
        try story.act(.party("lichtpunt"), .linkExternalID(workOrder))
        let linked = story.current
        #expect(try story.act(.party("lichtpunt"), .linkExternalID(workOrder)) == [])
        #expect(try story.act(conny, .linkExternalID(workOrder)) == [])
        #expect(story.current == linked)
        // The submission's own reference is linked already too.
        #expect(try story.act(conny, .linkExternalID(try ExternalReference(system: "verbeterdebuurt", id: "VDB-1234"))) == [])
    }

    @Test("A new id for the same system replaces the old one: a system has one id per report")
    func newIDReplaces() throws {
        var story = Story.forwarded(to: Fixtures.lightingContractor)
        try story.act(.party("lichtpunt"), .linkExternalID(workOrder))
        try story.act(conny, .linkExternalID(try ExternalReference(system: "melddesk", id: "Z-2026-0042")))
        let events = try story.act(.party("lichtpunt"), .linkExternalID(try ExternalReference(system: "lichtpunt", id: "WO-2026-119")))
        #expect(events.count == 1)
        #expect(story.current.externalID(in: "lichtpunt") == "WO-2026-119")
        #expect(story.current.externalReferences.map(\.system) == ["verbeterdebuurt", "lichtpunt", "melddesk"], "replaced in place")
        #expect(story.current.externalReferences.filter { $0.system == "lichtpunt" }.count == 1)
    }

    @Test("A new id of the system the report came from also becomes its source reference (rule 2)")
    func sourceReferenceFollows() throws {
        var story = Story.submitted()
        try story.act(.system(name: "open311"), .linkExternalID(try ExternalReference(system: "verbeterdebuurt", id: "VDB-9999")))
        #expect(story.current.externalReference == (try ExternalReference(system: "verbeterdebuurt", id: "VDB-9999")))
        #expect(story.current.externalReferences == [try ExternalReference(system: "verbeterdebuurt", id: "VDB-9999")])
    }

    @Test("Allowed in every state: closed, confirmed and merged reports still get late answers")
    func anyState() throws {
        var story = Story.completedByParty(Fixtures.lightingContractor)
        try story.act(conny, .close(.resolved, publicNote: nil, internalNote: nil))
        try story.act(.reporter, .confirmResolution)
        #expect(try story.act(.party("lichtpunt"), .linkExternalID(workOrder)).count == 1)

        let main = Story.submitted()
        var duplicate = Story.submitted()
        try duplicate.act(conny, .merge(into: main.current))
        #expect(try duplicate.act(.system(name: "melddesk-enschede"), .linkExternalID(try ExternalReference(system: "melddesk", id: "Z-1"))).count == 1)
        #expect(duplicate.current.status == .merged)
    }

    @Test("The municipality's people and systems may link any system's id")
    func municipalityLinksAnything() throws {
        var story = Story.submitted()
        try story.act(conny, .linkExternalID(try ExternalReference(system: "melddesk", id: "Z-2026-0042")))
        try story.act(.system(name: "delivery"), .linkExternalID(workOrder))
        #expect(story.current.externalID(in: "melddesk") == "Z-2026-0042")
        #expect(story.current.externalID(in: "lichtpunt") == "WO-2026-118")
    }

    @Test("The reporter links nothing")
    func reporterMayNot() throws {
        let story = Story.submitted()
        let refusal = try #require(story.refusal(.reporter, .linkExternalID(workOrder)))
        #expect(refusal.code == "report.actor_not_allowed")
        #expect(refusal.message == "The reporter may not link the report to an id in another system.")
    }

    @Test("A party links only its own system's ids, and only on a report forwarded to it (rule 4)")
    func partyOnlyItsOwn() throws {
        var story = Story.forwarded(to: Fixtures.lightingContractor)
        let other = try #require(story.refusal(.party("lichtpunt"), .linkExternalID(try ExternalReference(system: "renewi", id: "R-1"))))
        #expect(other.code == "report.actor_not_allowed")
        #expect(other.message.contains("a party links only ids of its own system, lichtpunt"), "\(other.message)")

        let stranger = try #require(story.refusal(.party("renewi"), .linkExternalID(try ExternalReference(system: "renewi", id: "R-1"))))
        #expect(stranger.code == "report.party_not_assigned")

        // A party that once had the report keeps its link rights after it moved on.
        try story.act(.party("lichtpunt"), .rejectWork(reason: "Niet van ons."))
        #expect(try story.act(.party("lichtpunt"), .linkExternalID(workOrder)).count == 1)
    }

    @Test("An id is checked by ExternalReference's rules before it can become a command")
    func invalidReference() {
        #expect(throws: ReportError.self) { try ExternalReference(system: "lichtpunt", id: " ") }
        #expect(throws: ReportError.self) { try ExternalReference(system: "", id: "WO-1") }
    }

    @Test("A link is internal: the reporter is not notified and a party's view of it is whole")
    func internalAndUnredacted() throws {
        var story = Story.forwarded(to: Fixtures.lightingContractor)
        let event = try #require(try story.act(.party("lichtpunt"), .linkExternalID(workOrder)).first)
        #expect(NotificationDecision.decide(for: story.current, about: event, policy: story.policy) == .skip(.notForReporter))
        #expect(event.redacted(for: Fixtures.wasteCollector) == event)
    }

    @Test("The wire shape: snake_case keys, sorted")
    func wireShape() throws {
        let event = ExternalIDLinked(reportID: SampleEvents.id, occurredAt: SampleEvents.later, system: "lichtpunt", externalID: "WO-2026-118").event
        let json = String(decoding: try event.encodedData(), as: UTF8.self)
        #expect(json == #"{"external_id":"WO-2026-118","occurred_at":"2025-02-20T21:20:00.250Z","report_id":"3f2a6c1e-8b4d-4e7a-9c1b-2d3e4f5a6b7c","system":"lichtpunt"}"#)
        #expect(event.type == ReportEventType(eventType: "ExternalIDLinked", schemaVersion: 1))
        let decoded = try ReportEvent.decode(eventType: "ExternalIDLinked", schemaVersion: 1, data: try event.encodedData())
        #expect(decoded == event)
    }

    @Test("A story with links replays from the log to the same state")
    func replay() throws {
        var story = Story.forwarded(to: Fixtures.lightingContractor)
        try story.act(.party("lichtpunt"), .linkExternalID(workOrder))
        try story.act(.party("lichtpunt"), .linkExternalID(try ExternalReference(system: "lichtpunt", id: "WO-2026-119")))
        let decoded = try story.events.map { event throws(ReportError) in
            try ReportEvent.decode(eventType: event.eventType, schemaVersion: event.schemaVersion, data: event.encodedData())
        }
        #expect(Report.replay(decoded) == story.current)
    }
}
