import Foundation
import ReportDomain
import Testing

@Suite("The state machine refuses illegal transitions with stable codes")
struct StateMachineTests {
    @Test(arguments: IllegalTransition.all)
    func refused(_ transition: IllegalTransition) {
        let error = transition.attempt()
        #expect(error?.code == transition.code, "\(error.map(String.init(describing:)) ?? "accepted")")
    }

    @Test("Refusals name the current state in words")
    func messagesNameTheState() throws {
        let error = try #require(Story.submitted().refusal(.party("renewi"), .completeWork(photoURL: nil, note: nil)))
        #expect(error.message.contains("submitted and not yet acknowledged"))
        let closed = try #require(IllegalTransition.closed().refusal(.system(name: "routing"), .forward(Fixtures.lightingContractor)))
        #expect(closed.message == "Cannot forward the report to a party: the report is closed.")
    }

    @Test("Every error code is stable, namespaced and unique per case")
    func codesAreNamespaced() {
        let codes = IllegalTransition.all.map(\.code)
        for code in codes {
            #expect(code.hasPrefix("report.") || code.hasPrefix("event."))
            #expect(code == code.lowercased())
        }
    }

    @Test("The happy path of the typical story is accepted, step by step")
    func typicalStory() throws {
        var story = Story.submitted()
        let renewi = Actor.party(Fixtures.wasteCollector.id)
        try story.act(.system(name: "melddesk"), .acknowledge)
        try story.act(.system(name: "routing"), .forward(Fixtures.wasteCollector))
        #expect(story.current.status == .forwarded)
        try story.act(renewi, .scheduleWork(on: Fixtures.hours(48)))
        #expect(story.current.status == .scheduled)
        try story.act(renewi, .updateStatus(publicNote: "We gaan aan de slag.", internalNote: "Ploeg 3", workStarted: true))
        #expect(story.current.status == .inProgress)
        try story.act(renewi, .completeWork(photoURL: "https://photos.example.nl/fixed.jpg", note: "Deksel vervangen."))
        #expect(story.current.status == .completedByParty)
        try story.act(.reporter, .confirmResolution)
        #expect(story.current.status == .confirmed)
        try story.act(.reporter, .giveFeedback(score: 5, text: "Top"))
        try story.act(.municipalityUser(id: "conny"), .close(.resolved, publicNote: "Opgelost.", internalNote: nil))
        #expect(story.current.status == .closed)
        #expect(story.current.confirmedAt != nil)
        #expect(story.current.version == story.events.count)
    }

    @Test("A party's \"not ours\" sends the report back to the municipality")
    func rejectionReturnsToMunicipality() throws {
        var story = Story.forwarded()
        try story.act(.party(Fixtures.wasteCollector.id), .rejectWork(reason: "Container is van een bedrijf."))
        #expect(story.current.status == .returnedToMunicipality)
        #expect(story.current.assignee == nil)
        #expect(story.current.internalNotes.map(\.text) == ["Container is van een bedrijf."])
        try story.act(.system(name: "routing"), .forward(Fixtures.lightingContractor))
        #expect(story.current.currentParty == Fixtures.lightingContractor)
    }

    @Test("Scheduling needs an assignee, and a department can be scheduled by the municipality")
    func schedulingByDepartment() throws {
        var story = Story.submitted()
        try story.act(.municipalityUser(id: "conny"), .assign(Fixtures.roads))
        try story.act(.municipalityUser(id: "conny"), .scheduleWork(on: Fixtures.hours(72)))
        #expect(story.current.scheduledFor == Fixtures.hours(72))
        #expect(story.current.assignee == .department(Fixtures.roads))
    }

    @Test("A status update needs at least one note")
    func statusUpdateNeedsANote() {
        let error = Story.forwarded().refusal(.municipalityUser(id: "conny"), .updateStatus(publicNote: "  ", internalNote: nil, workStarted: false))
        #expect(error?.code == "report.invalid_field")
        #expect(error?.field == "public_note")
    }
}
