import Adapters
import Foundation
import ReportDomain
import Testing

/// Who receives what: category prefixes, a party's own reports, municipal scope, public changes.
@Suite struct EventFilterTests {
    @Test func aCategoryPrefixMatchesItsCategoriesOnly() throws {
        let filter = EventFilter(categories: ["verlichting.*", "weg.gat"], municipalities: ["GM0153"])
        let lamp = try AdapterFixtures.story(category: "verlichting.lantaarnpaal").report
        let hole = try AdapterFixtures.story(category: "weg.gat").report
        let bin = try AdapterFixtures.story(category: "afval.container").report
        let lookalike = try AdapterFixtures.story(category: "verlichtingmast").report
        #expect(filter.matches(eventType: "ReportSubmitted", report: lamp, municipality: "GM0153", party: nil))
        #expect(filter.matches(eventType: "ReportSubmitted", report: hole, municipality: "GM0153", party: nil))
        #expect(!filter.matches(eventType: "ReportSubmitted", report: bin, municipality: "GM0153", party: nil))
        #expect(!filter.matches(eventType: "ReportSubmitted", report: lookalike, municipality: "GM0153", party: nil))
    }

    @Test func aPartySeesOnlyReportsForwardedToIt() throws {
        let lichtpunt = try AdapterFixtures.adapter("lichtpunt")
        let mine = try AdapterFixtures.story(forwardTo: AdapterFixtures.lichtpunt)
        let notYet = try AdapterFixtures.story()
        let theirs = try AdapterFixtures.story(forwardTo: AdapterFixtures.afvalTwente)
        #expect(lichtpunt.receives(eventType: "ReportForwarded", report: mine.report, municipality: "GM0153"))
        #expect(!lichtpunt.receives(eventType: "ReportForwarded", report: notYet.report, municipality: "GM0153"))
        #expect(!lichtpunt.receives(eventType: "ReportForwarded", report: theirs.report, municipality: "GM0153"))
        // Its event types only.
        #expect(!lichtpunt.receives(eventType: "FeedbackGiven", report: mine.report, municipality: "GM0153"))
    }

    @Test func nothingOutsideTheMunicipalities() throws {
        let melddesk = try AdapterFixtures.adapter("melddesk-enschede")
        let rotterdam = try AdapterFixtures.story(municipality: "GM0599", category: "weg.gat").report
        let enschede = try AdapterFixtures.story(category: "weg.gat").report
        #expect(melddesk.receives(eventType: "ReportSubmitted", report: enschede, municipality: "GM0153"))
        #expect(!melddesk.receives(eventType: "ReportSubmitted", report: rotterdam, municipality: "GM0599"))
        let app = try AdapterFixtures.adapter("verbeterdebuurt")
        #expect(app.receives(eventType: "ReportSubmitted", report: rotterdam, municipality: "GM0599"))
    }

    @Test func publicOnlyLeavesOutWhatThePublicDoesNotSee() throws {
        let app = try AdapterFixtures.adapter("verbeterdebuurt")
        var story = try AdapterFixtures.story(forwardTo: AdapterFixtures.lichtpunt)
        #expect(app.receives(eventType: "ReportForwarded", report: story.report, municipality: "GM0153"))
        #expect(!app.receives(eventType: "NotificationPreferenceChanged", report: story.report, municipality: "GM0153"))
        #expect(!app.receives(eventType: "PersonalDataErased", report: story.report, municipality: "GM0153"))

        try story.apply(.updateStatus(publicNote: nil, internalNote: "materiaal besteld", workStarted: false), at: 200)
        let internalOnly = try #require(story.events.last)
        #expect(!app.receives(internalOnly, report: story.report, municipality: "GM0153"))
        try story.apply(.updateStatus(publicNote: "Onderdeel besteld", internalNote: nil, workStarted: false), at: 210)
        #expect(app.receives(try #require(story.events.last), report: story.report, municipality: "GM0153"))
        try story.apply(.addComment("let op: hond", visibility: .internal), at: 220)
        #expect(!app.receives(try #require(story.events.last), report: story.report, municipality: "GM0153"))

        // Without public_only, the municipality's system gets the internal update.
        let melddesk = try AdapterFixtures.adapter("melddesk-enschede")
        #expect(melddesk.receives(internalOnly, report: story.report, municipality: "GM0153"))
    }
}
