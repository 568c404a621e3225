import EventLog
import Foundation
import ReportDomain
import Testing
@testable import Projections

@Suite struct SearchTests {
    private func ids(_ search: ReportSearch) async throws -> Set<ReportID> {
        let (harness, _) = try await ProjectedScenario.get()
        return Set(try await harness.queries.search(search).items.map(\.id))
    }

    @Test func anAddressWithATypoFindsTheReportAndOrdersTheBestMatchFirst() async throws {
        let (harness, scenario) = try await ProjectedScenario.get()
        let page = try await harness.queries.search(ReportSearch(address: "Hengelostraat 12"))
        #expect(page.items.first?.id == scenario.container)
        #expect(page.items.map(\.id).contains(scenario.duplicate))
        #expect(!page.items.map(\.id).contains(scenario.lamp))
        #expect(!page.items.map(\.id).contains(scenario.rotterdamReport))
        let similarities = page.items.compactMap(\.addressSimilarity)
        #expect(similarities.count == page.items.count)
        #expect(similarities == similarities.sorted(by: >))
        // A postcode finds its reports too.
        #expect(try await ids(ReportSearch(address: "7511 da")) == [scenario.lamp])
        #expect(try await ids(ReportSearch(address: "Kalverstraat 1")).isEmpty)
    }

    @Test func aGPSRadiusIncludesWhatIsInsideAndNothingBeyond() async throws {
        let (harness, scenario) = try await ProjectedScenario.get()
        let centre = Scenario.gpsCentre
        let page = try await harness.queries.search(
            ReportSearch(near: .init(latitude: centre.latitude, longitude: centre.longitude, radiusMetres: 500)))
        let found = page.items.map(\.id)
        #expect(found.contains(scenario.near495))
        #expect(!found.contains(scenario.far505))
        let distance = try #require(page.items.first { $0.id == scenario.near495 }?.distanceMetres)
        #expect(abs(distance - 495) < 0.01)
        let distances = page.items.compactMap(\.distanceMetres)
        #expect(distances == distances.sorted())
        #expect(distances.allSatisfy { $0 <= 500 })
        let wider = try await ids(ReportSearch(near: .init(latitude: centre.latitude, longitude: centre.longitude, radiusMetres: 510)))
        #expect(wider.isSuperset(of: [scenario.near495, scenario.far505]))
        await #expect(throws: ProjectionError.self) {
            try await harness.queries.search(ReportSearch(near: .init(latitude: 95, longitude: 0, radiusMetres: 10)))
        }
    }

    @Test func aPartySeesOnlyTheReportsItWasEverForwardedTo() async throws {
        let (_, scenario) = try await ProjectedScenario.get()
        let renewi = try await ids(ReportSearch(visibleToParty: Scenario.renewi.id, limit: 200))
        #expect(renewi == [scenario.container])
        // Roteb sent its report back, but it was forwarded to it once and still sees it.
        let roteb = try await ids(ReportSearch(visibleToParty: Scenario.roteb.id))
        #expect(roteb == [scenario.rotterdamReport])
        let unknown = try await ids(ReportSearch(visibleToParty: "nobody"))
        #expect(unknown.isEmpty)
        // `party` finds reports assigned to or handled by the party; combined with visibility, both hold.
        let lighting = try await ids(ReportSearch(party: Scenario.lighting.id, limit: 200))
        #expect(lighting.count == scenario.others.indices.filter { $0 % 5 == 1 }.count)
        #expect(try await ids(ReportSearch(party: Scenario.lighting.id, visibleToParty: Scenario.renewi.id)).isEmpty)
    }

    @Test func aReportNumberFindsByWholeNumberOrByPrefix() async throws {
        let (harness, scenario) = try await ProjectedScenario.get()
        let number = scenario.lamp.description
        #expect(try await ids(ReportSearch(reportNumber: number)) == [scenario.lamp])
        #expect(try await ids(ReportSearch(reportNumber: String(number.prefix(8)))) == [scenario.lamp])
        #expect(try await ids(ReportSearch(reportNumber: String(number.prefix(13)).uppercased())) == [scenario.lamp])
        await #expect(throws: ProjectionError.self) {
            try await harness.queries.search(ReportSearch(reportNumber: String(number.prefix(7))))
        }
        await #expect(throws: ProjectionError.self) {
            try await harness.queries.search(ReportSearch(reportNumber: "zzzzzzzz"))
        }
    }

    @Test func anExternalIDFindsItsReportInAnySystemOrInTheSystemNamed() async throws {
        let (_, scenario) = try await ProjectedScenario.get()
        #expect(try await ids(ReportSearch(externalID: "Z-2026-0042")) == [scenario.container])
        #expect(try await ids(ReportSearch(externalID: "Z-2026-0042", externalSystem: "melddesk")) == [scenario.container])
        #expect(try await ids(ReportSearch(externalID: "Z-2026-0042", externalSystem: "verbeterdebuurt")).isEmpty)
        #expect(try await ids(ReportSearch(externalID: "VDB-1")) == [scenario.container])
        #expect(try await ids(ReportSearch(externalID: "WO-7781", externalSystem: "renewi")) == [scenario.container])
        #expect(try await ids(ReportSearch(externalID: "Z-2026-0043")).isEmpty)
    }

    @Test func freeTextUsesDutchStemming() async throws {
        let (_, scenario) = try await ProjectedScenario.get()
        // "containers" and "deksels" stem to the words in the descriptions.
        let found = try await ids(ReportSearch(text: "containers deksels"))
        #expect(found == [scenario.container, scenario.duplicate])
        #expect(try await ids(ReportSearch(text: "lantaarnpaal")) == [scenario.lamp])
        #expect(try await ids(ReportSearch(text: "container -bushalte")) == [scenario.container])
    }

    @Test func statusCategoryMunicipalityAndDateFiltersHoldTogether() async throws {
        let (harness, scenario) = try await ProjectedScenario.get()
        #expect(try await ids(ReportSearch(municipalities: [Scenario.rotterdam])) == [scenario.rotterdamReport])
        #expect(try await ids(ReportSearch(municipalities: [])).isEmpty)
        let forwarded = try await ids(ReportSearch(statuses: [.forwarded], municipalities: [Scenario.rotterdam]))
        #expect(forwarded == [scenario.rotterdamReport])
        #expect(try await ids(ReportSearch(statuses: [.merged])) == [scenario.duplicate])
        // The duplicate shows its main report's public status, and is found by it.
        let resolved = try await ids(ReportSearch(publicStatuses: [.resolved], categories: ["afval.container", "afval.container.deksel"]))
        #expect(resolved == [scenario.container, scenario.duplicate])
        let lampPage = try await harness.queries.search(ReportSearch(categories: ["verlichting"]))
        #expect(lampPage.items.map(\.id) == [scenario.lamp])
        let lampSubmitted = try #require(lampPage.items.first?.submittedAt)
        #expect(try await ids(ReportSearch(categories: ["verlichting"], submittedFrom: lampSubmitted)) == [scenario.lamp])
        #expect(try await ids(ReportSearch(categories: ["verlichting"], submittedBefore: lampSubmitted)).isEmpty)
    }

    @Test func pagesFollowEachOtherWithoutGapsOrRepeats() async throws {
        let (harness, _) = try await ProjectedScenario.get()
        let all = try await harness.queries.search(ReportSearch(municipalities: [Scenario.enschede], limit: 200, includeTotal: true))
        #expect(!all.hasMore)
        #expect(all.total == all.items.count)
        let submitted = all.items.map(\.submittedAt)
        #expect(submitted == submitted.sorted(by: >))
        var seen: [ReportID] = []
        var cursor: String?
        repeat {
            let page = try await harness.queries.search(
                ReportSearch(municipalities: [Scenario.enschede], limit: 7, cursor: cursor, includeTotal: true))
            #expect(page.total == all.items.count)
            #expect(page.items.count <= 7)
            seen += page.items.map(\.id)
            cursor = page.nextCursor
            #expect(page.hasMore == (cursor != nil))
        } while cursor != nil
        #expect(seen == all.items.map(\.id))
        // Offsets page the same way in the other orders.
        let byText = try await harness.queries.search(ReportSearch(text: "afval", limit: 200))
        let firstPage = try await harness.queries.search(ReportSearch(text: "afval", limit: 5))
        let next = try #require(firstPage.nextCursor)
        let secondPage = try await harness.queries.search(ReportSearch(text: "afval", limit: 5, cursor: next))
        #expect((firstPage.items + secondPage.items).map(\.id) == Array(byText.items.prefix(10)).map(\.id))
        await #expect(throws: ProjectionError.self) { try await harness.queries.search(ReportSearch(limit: 0)) }
        await #expect(throws: ProjectionError.self) { try await harness.queries.search(ReportSearch(limit: 201)) }
        await #expect(throws: ProjectionError.self) { try await harness.queries.search(ReportSearch(cursor: "not-a-cursor")) }
        await #expect(throws: ProjectionError.self) { try await harness.queries.search(ReportSearch(cursor: next)) }
    }

    @Test func searchesReturnTheDocumentsAskedFor() async throws {
        let (harness, scenario) = try await ProjectedScenario.get()
        let bare = try await harness.queries.search(ReportSearch(reportNumber: scenario.duplicate.description))
        #expect(bare.items.first?.document == nil && bare.items.first?.publicDocument == nil)
        let public_ = try await harness.queries.search(ReportSearch(reportNumber: scenario.duplicate.description, documents: .publicOnly))
        let item = try #require(public_.items.first)
        #expect(item.document == nil)
        #expect(item.publicDocument?.status.kind == .resolved)
        let all = try await harness.queries.search(ReportSearch(reportNumber: scenario.duplicate.description, documents: .all))
        #expect(all.items.first?.document?.status == .merged)
    }
}
