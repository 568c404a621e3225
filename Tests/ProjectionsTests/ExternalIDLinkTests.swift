import EventLog
import Foundation
import ReportDomain
import Testing
@testable import Projections

/// `ExternalIDLinked` in the read models: the card index links the id, the timeline gets an
/// internal entry that nothing public shows.
@Suite struct ExternalIDLinkTests {
    private func ids(_ search: ReportSearch) async throws -> Set<ReportID> {
        let (harness, _) = try await ProjectedScenario.get()
        return Set(try await harness.queries.search(search).items.map(\.id))
    }

    @Test func aLinkedIdFindsItsReportAndAReplacedIdStillDoes() async throws {
        let (harness, scenario) = try await ProjectedScenario.get()
        let (old, new) = (Scenario.stadsbeheerWorkOrders[0], Scenario.stadsbeheerWorkOrders[1])
        // A late message that still names the old work-order number must find the report too.
        #expect(try await ids(ReportSearch(externalID: new)) == [scenario.rotterdamReport])
        #expect(try await ids(ReportSearch(externalID: old, externalSystem: "stadsbeheer")) == [scenario.rotterdamReport])
        #expect(try await ids(ReportSearch(externalID: "Z-2026-0077", externalSystem: "melddesk")) == [scenario.lamp])
        // Same row shape as a metadata link: system, id, report, municipality and the linking event's point.
        let rows = try await harness.rows("""
            SELECT x.system, x.external_id, x.report_id::text, x.municipality
              FROM hub.report_external_ids x
              JOIN hub.events e ON e.transaction_id = x.transaction_id AND e.position = x.position
             WHERE x.system = 'stadsbeheer' AND e.event_type = 'ExternalIDLinked'
             ORDER BY x.position
            """)
        let report = scenario.rotterdamReport.description
        #expect(rows == [["stadsbeheer", old, report, "GM0599"], ["stadsbeheer", new, report, "GM0599"]])
    }

    @Test func theTimelineHasAnInternalEntryPerLinkAndNothingPublicShowsIt() async throws {
        let (harness, scenario) = try await ProjectedScenario.get()
        let (old, new) = (Scenario.stadsbeheerWorkOrders[0], Scenario.stadsbeheerWorkOrders[1])
        let entries = try await harness.queries.history(reportID: scenario.rotterdamReport, publicOnly: false)
        let links = entries.filter { $0.eventType == ExternalIDLinked.eventType }
        // Three answers, of which the repeated one recorded nothing.
        #expect(links.map(\.summary) == ["Linked to stadsbeheer's id \(old)", "Linked to stadsbeheer's id \(new) (was \(old))"])
        #expect(links.allSatisfy { $0.publicSummary == nil && $0.actor == "party:stadsbeheer" })

        for id in [scenario.rotterdamReport, scenario.lamp] {
            let publicEntries = try await harness.queries.history(reportID: id, publicOnly: true)
            #expect(!publicEntries.isEmpty)
            #expect(!publicEntries.contains { $0.eventType == ExternalIDLinked.eventType })
        }
        // Open311's updates are the public entries only.
        let updates = try await harness.queries.publicUpdates(
            municipality: Scenario.rotterdam, visibleToParty: nil, from: Scenario.start.addingTimeInterval(-86_400),
            to: Scenario.start.addingTimeInterval(365 * 86_400), limit: 1_000)
        #expect(updates.contains { $0.reportID == scenario.rotterdamReport })
        #expect(!updates.contains { $0.eventType == ExternalIDLinked.eventType })
    }

    @Test func theScenarioUsesEveryEventTypeTheDomainKnows() async throws {
        let (harness, _) = try await ProjectedScenario.get()
        let stored = Set(try await harness.rows("SELECT DISTINCT event_type FROM hub.events").compactMap(\.first).compactMap { $0 })
        #expect(stored == Set(ReportEvent.allTypes.map(\.eventType)))
    }
}
