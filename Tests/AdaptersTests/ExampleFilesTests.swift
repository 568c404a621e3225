import Adapters
import Foundation
import ReportDomain
import Testing

/// The five files in adapters/ are the demo's: they must pass the check against deploy/hub.yaml.
@Suite struct ExampleFilesTests {
    @Test func allFiveLoadWithoutErrorsOrWarnings() throws {
        let catalog = try AdapterFixtures.catalog()
        #expect(catalog.adapters.map(\.name.rawValue) == ["afval-twente", "lichtpunt", "melddesk-enschede", "open311-rotterdam", "verbeterdebuurt"])
        let issues = AdapterCatalog.check(
            directory: AdapterFixtures.adaptersFolder, configuration: AdapterFixtures.configuration,
            environment: AdapterFixtures.environment)
        #expect(issues.isEmpty, "\(issues)")
    }

    @Test func melddeskGetsEverythingAsCloudEventsWithPersonalData() throws {
        let melddesk = try AdapterFixtures.adapter("melddesk-enschede")
        #expect(melddesk.displayName == "Melddesk (gemeente Enschede)")
        #expect(melddesk.municipalities == ["GM0153"])
        #expect(melddesk.party == nil)
        #expect(melddesk.personalData)
        #expect(melddesk.actor == .system(name: "melddesk-enschede"))
        let outbound = try #require(melddesk.outbound)
        guard case .cloudEvents = outbound.format else { Issue.record("expected CloudEvents"); return }
        #expect(outbound.filter.eventTypes == nil)
        #expect(outbound.filter.categories == nil)
        #expect(!outbound.filter.onlyAssignedToParty)
        #expect(outbound.secret.source == .environment("HUB_ADAPTER_MELDDESK_ENSCHEDE_SECRET"))
        #expect(outbound.secret.value == AdapterFixtures.secret(1))
        #expect(outbound.timeout == .seconds(15))
        #expect(outbound.connectTimeout == .seconds(5))
        #expect(outbound.retrySchedule == OutboundSettings.defaultRetrySchedule)
        #expect(outbound.maxInFlight == 16)
        #expect(outbound.circuitBreaker == CircuitBreakerSettings(failures: 5, pause: .seconds(60)))
        let inbound = try #require(melddesk.inbound)
        #expect(inbound.reportPointer == .hubID("/meldingId"))
        #expect(inbound.tolerance == .seconds(300))
        #expect(melddesk.statuses.rule(forTheirCode: "ADMINISTRATIEF_GESLOTEN") == InboundStatusRule(action: .close, closureReason: .administrative))
        #expect(melddesk.statuses.rule(forTheirCode: "IN_BEHANDELING")?.action == .acknowledge)
        #expect(melddesk.categories.theirs(for: "weg.gat") == "WEG-SCHADE")
        #expect(melddesk.categories.ours(for: "OV-LICHTPUNT") == "verlichting.lantaarnpaal")
    }

    @Test func lichtpuntIsAPartyWithAnAgreementAndItsOwnFormat() throws {
        let lichtpunt = try AdapterFixtures.adapter("lichtpunt")
        #expect(lichtpunt.party == "lichtpunt")
        #expect(lichtpunt.personalData)
        #expect(lichtpunt.actor == .party("lichtpunt"))
        let outbound = try #require(lichtpunt.outbound)
        guard case .template(let template) = outbound.format else { Issue.record("expected a template"); return }
        #expect(template.contentType == "application/json")
        #expect(template.entry(for: "ReportForwarded") != nil)
        #expect(outbound.filter.categories == ["verlichting.*"])
        #expect(outbound.filter.onlyAssignedToParty)
        #expect(outbound.externalIDPointer == "/werkorder/id")
        #expect(lichtpunt.inbound?.reportPointer == .externalID("/werkorder"))
        #expect(lichtpunt.statuses.rule(forTheirCode: "GEPLAND")?.action == .schedule)
        #expect(lichtpunt.statuses.rule(forTheirCode: "IN_UITVOERING")?.action == .startWork)
        #expect(lichtpunt.statuses.rule(forTheirCode: "GEREED")?.action == .partyDone)
        #expect(lichtpunt.statuses.rule(forTheirCode: "NIET_ONS")?.action == .rejectWork)
    }

    @Test func afvalTwenteGetsNoPersonalData() throws {
        let afval = try AdapterFixtures.adapter("afval-twente")
        #expect(afval.party == "afval-twente")
        #expect(!afval.personalData)
        #expect(afval.outbound?.filter.categories == ["afval.*"])
        #expect(afval.outbound?.retrySchedule == [.seconds(10), .seconds(60), .seconds(600), .seconds(3600), .seconds(6 * 3600), .seconds(12 * 3600)])
    }

    @Test func verbeterdebuurtGetsPublicChangesOfBothMunicipalities() throws {
        let app = try AdapterFixtures.adapter("verbeterdebuurt")
        #expect(app.municipalities == ["GM0153", "GM0599"])
        #expect(app.party == nil)
        #expect(!app.personalData)
        #expect(app.outbound?.filter.publicOnly == true)
        #expect(app.inbound == nil)
        #expect(app.statuses.outboundStatus(eventType: "ReportClosed", status: .confirmed)?.code == "opgelost")
    }

    @Test func aMissingSecretVariableStopsTheLoadNamingTheVariable() {
        var environment = AdapterFixtures.environment
        environment["HUB_ADAPTER_LICHTPUNT_SECRET"] = nil
        #expect {
            try AdapterCatalog.load(directory: AdapterFixtures.adaptersFolder, configuration: AdapterFixtures.configuration, environment: environment)
        } throws: { error in
            let issues = (error as? AdapterFileError)?.issues ?? []
            return issues.count == 2 && issues.allSatisfy {
                $0.file.hasSuffix("adapters/lichtpunt.yaml") && $0.message.contains("HUB_ADAPTER_LICHTPUNT_SECRET is not set")
            } && issues.map(\.path) == ["outbound.secret_env", "inbound.secret_env"]
        }
    }
}
