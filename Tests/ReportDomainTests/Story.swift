import Foundation
import ReportDomain

/// One report's life, driven through `decide` and `evolve` exactly as the hub will drive it.
struct Story {
    let id: ReportID
    var policy: MunicipalityPolicy
    var report: Report?
    var events: [ReportEvent] = []
    private var clock: Double = 0

    init(id: ReportID = .generate(), policy: MunicipalityPolicy = Fixtures.policy()) {
        self.id = id
        self.policy = policy
    }

    /// A story with a submitted report.
    static func submitted(_ submission: ReportSubmission = Fixtures.submission(), policy: MunicipalityPolicy = Fixtures.policy()) -> Story {
        var story = Story(policy: policy)
        try! story.act(.reporter, .submit(submission))
        return story
    }

    /// A story whose report is forwarded to the given party.
    static func forwarded(to party: Party = Fixtures.wasteCollector, policy: MunicipalityPolicy = Fixtures.policy()) -> Story {
        var story = submitted(policy: policy)
        try! story.act(.system(name: "routing"), .forward(party))
        return story
    }

    /// A story whose report the party reported done.
    static func completedByParty(_ party: Party = Fixtures.wasteCollector, policy: MunicipalityPolicy = Fixtures.policy()) -> Story {
        var story = forwarded(to: party, policy: policy)
        try! story.act(.party(party.id), .completeWork(photoURL: "https://photos.example.nl/fixed.jpg", note: "Deksel vervangen."))
        return story
    }

    var current: Report { report! }

    /// Decides and, when accepted, folds the events; each act happens one hour after the previous one.
    @discardableResult
    mutating func act(_ actor: Actor, _ action: ReportAction) throws(ReportError) -> [ReportEvent] {
        clock += 1
        let command = ReportCommand(reportID: id, actor: actor, issuedAt: Fixtures.hours(clock), action: action)
        let new = try Report.decide(command, state: report, policy: policy)
        for event in new {
            report = Report.evolve(report, event)
        }
        events += new
        return new
    }

    /// The error a command is refused with, or `nil` when it is accepted (the state is left as it was).
    func refusal(_ actor: Actor, _ action: ReportAction) -> ReportError? {
        var copy = self
        do {
            try copy.act(actor, action)
            return nil
        } catch {
            return error
        }
    }
}
