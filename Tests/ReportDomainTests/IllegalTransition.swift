import Foundation
import ReportDomain
import Testing

/// One refused command: the story before it, who tries what, and the stable code it must fail with.
struct IllegalTransition: Sendable, CustomTestStringConvertible {
    let name: String
    let code: String
    let attempt: @Sendable () -> ReportError?

    var testDescription: String { "\(name) → \(code)" }

    init(_ name: String, _ code: String, _ attempt: @escaping @Sendable () -> ReportError?) {
        self.name = name
        self.code = code
        self.attempt = attempt
    }

    static let renewi = Actor.party(Fixtures.wasteCollector.id)
    static let conny = Actor.municipalityUser(id: "conny")

    static func closed() -> Story {
        var story = Story.completedByParty()
        try! story.act(conny, .close(.resolved, publicNote: nil, internalNote: nil))
        return story
    }

    static func confirmed() -> Story {
        var story = Story.completedByParty()
        try! story.act(.reporter, .confirmResolution)
        return story
    }

    static func merged() -> (duplicate: Story, main: Story) {
        let main = Story.submitted()
        var duplicate = Story.submitted()
        try! duplicate.act(conny, .merge(into: main.current))
        return (duplicate, main)
    }

    static let all: [IllegalTransition] = [
        IllegalTransition("command on a report that does not exist", "report.not_found") {
            Story().refusal(conny, .acknowledge)
        },
        IllegalTransition("submit twice", "report.already_submitted") {
            Story.submitted().refusal(.reporter, .submit(Fixtures.submission()))
        },
        IllegalTransition("reporter forwards", "report.actor_not_allowed") {
            Story.submitted().refusal(.reporter, .forward(Fixtures.wasteCollector))
        },
        IllegalTransition("party acknowledges", "report.actor_not_allowed") {
            Story.forwarded().refusal(renewi, .acknowledge)
        },
        IllegalTransition("municipality confirms for the reporter", "report.actor_not_allowed") {
            Story.completedByParty().refusal(conny, .confirmResolution)
        },
        IllegalTransition("municipality reports the party's work done", "report.actor_not_allowed") {
            Story.forwarded().refusal(conny, .completeWork(photoURL: nil, note: nil))
        },
        IllegalTransition("reporter schedules work", "report.actor_not_allowed") {
            Story.forwarded().refusal(.reporter, .scheduleWork(on: Fixtures.hours(48)))
        },
        IllegalTransition("party changes the reporter's notifications", "report.actor_not_allowed") {
            Story.forwarded().refusal(renewi, .changeNotificationPreference(.none, contact: nil))
        },
        IllegalTransition("party that did no work reopens", "report.actor_not_allowed") {
            var story = Story.completedByParty()
            try! story.act(conny, .close(.resolved, publicNote: nil, internalNote: nil))
            return story.refusal(.party(Fixtures.lightingContractor.id), .reopen(reason: nil))
        },
        IllegalTransition("forward a closed report", "report.closed") {
            closed().refusal(conny, .forward(Fixtures.lightingContractor))
        },
        IllegalTransition("status update on a closed report", "report.closed") {
            closed().refusal(conny, .updateStatus(publicNote: "x", internalNote: nil, workStarted: false))
        },
        IllegalTransition("close a closed report", "report.closed") {
            closed().refusal(conny, .close(.administrative, publicNote: nil, internalNote: nil))
        },
        IllegalTransition("assign a confirmed report", "report.confirmed") {
            confirmed().refusal(conny, .assign(Fixtures.roads))
        },
        IllegalTransition("forward a merged report", "report.merged") {
            merged().duplicate.refusal(conny, .forward(Fixtures.wasteCollector))
        },
        IllegalTransition("confirm a merged report", "report.merged") {
            merged().duplicate.refusal(.reporter, .confirmResolution)
        },
        IllegalTransition("acknowledge twice", "report.already_acknowledged") {
            var story = Story.submitted()
            try! story.act(conny, .acknowledge)
            return story.refusal(conny, .acknowledge)
        },
        IllegalTransition("categorise into the same category", "report.category_unchanged") {
            Story.submitted().refusal(conny, .categorise("afval.container"))
        },
        IllegalTransition("assign to the department that has it", "report.already_assigned") {
            var story = Story.submitted()
            try! story.act(conny, .assign(Fixtures.roads))
            return story.refusal(conny, .assign(Fixtures.roads))
        },
        IllegalTransition("forward to the party that has it", "report.already_forwarded") {
            Story.forwarded().refusal(conny, .forward(Fixtures.wasteCollector))
        },
        IllegalTransition("schedule without an assignee", "report.not_assigned") {
            Story.submitted().refusal(conny, .scheduleWork(on: Fixtures.hours(48)))
        },
        IllegalTransition("start work without an assignee", "report.not_assigned") {
            Story.submitted().refusal(conny, .updateStatus(publicNote: nil, internalNote: "begonnen", workStarted: true))
        },
        IllegalTransition("party completes a report that is not forwarded", "report.not_forwarded") {
            var story = Story.submitted()
            try! story.act(conny, .assign(Fixtures.roads))
            return story.refusal(renewi, .completeWork(photoURL: nil, note: nil))
        },
        IllegalTransition("party rejects a report that is not forwarded", "report.not_forwarded") {
            Story.submitted().refusal(renewi, .rejectWork(reason: "niet van ons"))
        },
        IllegalTransition("another party completes", "report.party_not_assigned") {
            Story.forwarded().refusal(.party(Fixtures.lightingContractor.id), .completeWork(photoURL: nil, note: nil))
        },
        IllegalTransition("another party schedules", "report.party_not_assigned") {
            Story.forwarded().refusal(.party(Fixtures.lightingContractor.id), .scheduleWork(on: Fixtures.hours(48)))
        },
        IllegalTransition("another party writes a status update", "report.party_not_assigned") {
            Story.forwarded().refusal(.party(Fixtures.lightingContractor.id), .updateStatus(publicNote: "x", internalNote: nil, workStarted: false))
        },
        IllegalTransition("an uninvolved party comments", "report.party_not_assigned") {
            Story.forwarded().refusal(.party(Fixtures.lightingContractor.id), .addComment("hallo", visibility: .internal))
        },
        IllegalTransition("party completes twice", "report.already_completed") {
            Story.completedByParty().refusal(renewi, .completeWork(photoURL: nil, note: nil))
        },
        IllegalTransition("party schedules after completing", "report.already_completed") {
            Story.completedByParty().refusal(renewi, .scheduleWork(on: Fixtures.hours(48)))
        },
        IllegalTransition("close as resolved while the party has not finished", "report.awaiting_party") {
            Story.forwarded().refusal(conny, .close(.resolved, publicNote: nil, internalNote: nil))
        },
        IllegalTransition("confirm a forwarded report", "report.not_resolved") {
            Story.forwarded().refusal(.reporter, .confirmResolution)
        },
        IllegalTransition("feedback on a forwarded report", "report.not_resolved") {
            Story.forwarded().refusal(.reporter, .giveFeedback(score: 3, text: nil))
        },
        IllegalTransition("reopen a report still being handled", "report.not_reopenable") {
            Story.forwarded().refusal(.reporter, .reopen(reason: nil))
        },
        IllegalTransition("confirm twice", "report.already_confirmed") {
            confirmed().refusal(.reporter, .confirmResolution)
        },
        IllegalTransition("reopen after confirming", "report.already_confirmed") {
            confirmed().refusal(.reporter, .reopen(reason: "toch niet"))
        },
        IllegalTransition("merge into itself", "report.merge_into_itself") {
            let story = Story.submitted()
            return story.refusal(conny, .merge(into: story.current))
        },
        IllegalTransition("merge into a merged report", "report.main_is_merged") {
            Story.submitted().refusal(conny, .merge(into: merged().duplicate.current))
        },
        IllegalTransition("merge across municipalities", "report.merge_across_municipalities") {
            let rotterdam = Story.submitted(Fixtures.submission(municipality: Fixtures.rotterdam), policy: Fixtures.policy(municipality: Fixtures.rotterdam))
            return Story.submitted().refusal(conny, .merge(into: rotterdam.current))
        },
        IllegalTransition("merge a main report", "report.has_duplicates") {
            var main = Story.submitted()
            try! main.act(conny, .attachDuplicate(.generate()))
            return main.refusal(conny, .merge(into: Story.submitted().current))
        },
        IllegalTransition("attach the same duplicate twice", "report.duplicate_already_attached") {
            var main = Story.submitted()
            let duplicate = ReportID.generate()
            try! main.act(conny, .attachDuplicate(duplicate))
            return main.refusal(conny, .attachDuplicate(duplicate))
        },
        IllegalTransition("attach a duplicate to a merged report", "report.merged") {
            merged().duplicate.refusal(conny, .attachDuplicate(.generate()))
        },
        IllegalTransition("feedback twice", "report.feedback_already_given") {
            var story = closed()
            try! story.act(.reporter, .giveFeedback(score: 5, text: nil))
            return story.refusal(.reporter, .giveFeedback(score: 4, text: nil))
        },
        IllegalTransition("command for another report", "report.wrong_report") {
            let story = Story.submitted()
            let command = ReportCommand(reportID: .generate(), actor: conny, issuedAt: Fixtures.hours(2), action: .acknowledge)
            return refusal { () throws(ReportError) in _ = try Report.decide(command, state: story.current, policy: story.policy) }
        },
        IllegalTransition("policy of another municipality", "report.wrong_municipality") {
            let story = Story.submitted()
            let command = ReportCommand(reportID: story.id, actor: conny, issuedAt: Fixtures.hours(2), action: .acknowledge)
            return refusal { () throws(ReportError) in _ = try Report.decide(command, state: story.current, policy: Fixtures.policy(municipality: Fixtures.rotterdam)) }
        },
    ]

    static func refusal(_ body: () throws(ReportError) -> Void) -> ReportError? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }
}
