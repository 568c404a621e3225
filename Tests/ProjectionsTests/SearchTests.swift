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

    /// Every page of `search`, following the cursors.
    private func allPages(_ search: ReportSearch) async throws -> [ReportSummary] {
        let (harness, _) = try await ProjectedScenario.get()
        var items: [ReportSummary] = []
        var request = search
        while true {
            let page = try await harness.queries.search(request)
            items += page.items
            guard let next = page.nextCursor else { return items }
            request.cursor = next
        }
    }

    /// The haversine distance on the same sphere as hub.distance_metres, computed here.
    private func metres(from a: (latitude: Double, longitude: Double), to b: (latitude: Double, longitude: Double)) -> Double {
        let radians = Double.pi / 180
        let h = pow(sin((b.latitude - a.latitude) * radians / 2), 2)
            + cos(a.latitude * radians) * cos(b.latitude * radians) * pow(sin((b.longitude - a.longitude) * radians / 2), 2)
        return 2 * 6_371_008.8 * asin(min(1, h.squareRoot()))
    }

    @Test func nearestFirstPagesHoldExactlyTheReportsWithinTheRadius() async throws {
        let (harness, _) = try await ProjectedScenario.get()
        // Among the Parkweg reports (111 m apart on a meridian), a little to the east of them.
        let centre = (latitude: 52.2145, longitude: 6.8503)
        let radius = 1_200.0
        let everything = try await harness.queries.search(ReportSearch(limit: 200))
        #expect(!everything.hasMore)
        let inside = everything.items.filter { metres(from: centre, to: ($0.latitude, $0.longitude)) <= radius - 0.01 }
        let outside = everything.items.filter { metres(from: centre, to: ($0.latitude, $0.longitude)) > radius + 0.01 }
        #expect(inside.count > 8)
        #expect(!outside.isEmpty)

        let near = ReportSearch.Near(latitude: centre.latitude, longitude: centre.longitude, radiusMetres: radius)
        let onePage = try await harness.queries.search(ReportSearch(near: near, limit: 200, includeTotal: true))
        let found = onePage.items.map(\.id)
        #expect(Set(found).isSuperset(of: inside.map(\.id)))
        #expect(Set(found).isDisjoint(with: outside.map(\.id)))
        #expect(onePage.total == found.count)
        let distances = onePage.items.compactMap(\.distanceMetres)
        #expect(distances.count == found.count)
        #expect(distances == distances.sorted())
        for item in onePage.items {
            #expect(abs((item.distanceMetres ?? -1) - metres(from: centre, to: (item.latitude, item.longitude))) < 0.001)
        }
        // Small pages, each cut at the distance of its last row, add up to the same list.
        for limit in [1, 3, 4] {
            let paged = try await allPages(ReportSearch(near: near, limit: limit))
            #expect(paged.map(\.id) == found, "pages of \(limit)")
        }
        let filtered = try await harness.queries.search(ReportSearch(near: near, categories: ["groen"], limit: 200))
        #expect(filtered.items.map(\.id) == onePage.items.filter { $0.category == "groen" }.map(\.id))
    }

    @Test func bestAddressFirstPagesAddUpAndAnAddressAlsoFiltersANearbySearch() async throws {
        let (harness, _) = try await ProjectedScenario.get()
        let everything = try await harness.queries.search(ReportSearch(limit: 200))
        let parkweg = everything.items.filter { $0.address?.hasPrefix("Parkweg ") == true }
        #expect(parkweg.count > 10)

        let onePage = try await harness.queries.search(ReportSearch(address: "Parkwge", limit: 200, includeTotal: true))
        #expect(Set(onePage.items.map(\.id)) == Set(parkweg.map(\.id)))
        #expect(onePage.total == parkweg.count)
        let similarities = onePage.items.compactMap(\.addressSimilarity)
        #expect(similarities.count == onePage.items.count)
        #expect(similarities == similarities.sorted(by: >))
        // The best matching address leads.
        let eleven = try await harness.queries.search(ReportSearch(address: "parkweg 11", limit: 3))
        #expect(eleven.items.first?.address == "Parkweg 11, Enschede")
        for limit in [1, 4, 7] {
            let paged = try await allPages(ReportSearch(address: "Parkwge", limit: limit))
            #expect(paged.map(\.id) == onePage.items.map(\.id), "pages of \(limit)")
        }
        // Through the postcode, each report once.
        let postcode = try await harness.queries.search(ReportSearch(address: "7513 BC", limit: 200))
        #expect(postcode.items.map(\.id).count == Set(postcode.items.map(\.id)).count)
        #expect(Set(postcode.items.map(\.id)) == Set(everything.items.filter { $0.postcode == "7513 BC" }.map(\.id)))

        // Nearest first, only the reports whose address matches.
        let near = ReportSearch.Near(latitude: 52.2145, longitude: 6.8503, radiusMetres: 5_000)
        let nearby = try await harness.queries.search(ReportSearch(address: "Parkwge", near: near, limit: 200))
        let all = try await harness.queries.search(ReportSearch(near: near, limit: 200))
        #expect(nearby.items.map(\.id) == all.items.filter { $0.address?.hasPrefix("Parkweg ") == true }.map(\.id))
        #expect(nearby.items.allSatisfy { $0.addressSimilarity != nil })
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
