import Foundation
import HubConfig
import ReportDomain
import Testing

@Suite("The configuration file")
struct HubConfigurationTests {
    static let demoPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("deploy/hub.yaml").path

    static let minimal = """
        municipalities:
          - code: GM0153
            name: Enschede
            categories:
              - code: weg.gat
                name: Gat in de weg
        """

    @Test("The demo configuration loads, with policies, routing and hashed keys")
    func demo() throws {
        let configuration = try HubConfiguration.load(path: Self.demoPath)
        #expect(configuration.municipalities.map(\.code) == ["GM0153", "GM0599"])
        let enschede = try #require(configuration.municipality("GM0153"))
        #expect(enschede.category("afval.container")?.routeTo == "afval-twente")
        #expect(enschede.policy.serviceLevels.byCategory["afval.container"]?.resolveWithin == .days(2))
        #expect(enschede.policy.serviceLevels.byUrgency[.urgent]?.resolveWithin == .hours(4))
        #expect(enschede.policy.satisfactionSurveyEnabled)
        #expect(!enschede.policy.publicStatus.completedByPartyClosesOpen311)
        #expect(configuration.policy(for: "GM0599").publicStatus.requiresLogin)
        let key = try #require(configuration.apiKey(sha256: APIKeySecret.hash("hub_demo_kcc_enschede")))
        #expect(key.role == .municipality && key.municipalities == ["GM0153"])
        #expect(configuration.apiKey(sha256: APIKeySecret.hash("hub_demo_kcc_enschedE")) == nil)
        #expect(configuration.party("lichtpunt")?.processingAgreement == true)
        let attributes = try #require(enschede.category("afval.container")?.attributes.first)
        #expect(attributes.values.map(\.key) == ["ondergronds", "rolcontainer"])
    }

    @Test("An unknown municipality gets the default policy, so old events still project")
    func unknownMunicipality() throws {
        let configuration = try HubConfiguration.parse(yaml: Self.minimal)
        #expect(configuration.policy(for: "GM9999") == MunicipalityPolicy(municipality: "GM9999"))
        #expect(configuration.publicURL == "http://localhost:8080")
    }

    @Test("Mistakes are refused with the line and path of the value", arguments: [
        ("municipalities:\n  - code: GM0153\n    naam: Enschede\n", "municipalities[0].naam", "unknown key \"naam\""),
        (minimal + "\n        service_level: { resolve_within: 5 days }\n", "resolve_within", "positive whole number"),
        (minimal + "\n        route_to: nobody\n", "route_to", "not under parties"),
        (minimal + "\napi_keys:\n  - { id: k, role: admin, sha256: hub_secret_in_plain_text }\n", "api_keys[0].sha256", "never put the key itself here"),
        (minimal + "\napi_keys:\n  - { id: k, role: municipality, sha256: \(String(repeating: "a", count: 64)) }\n", "api_keys[0]", "needs municipalities"),
        (minimal + "\napi_keys:\n  - { id: k, role: party, sha256: \(String(repeating: "a", count: 64)) }\n", "api_keys[0]", "needs party"),
        (minimal + "\napi_keys:\n  - { id: k, role: boss, sha256: \(String(repeating: "a", count: 64)) }\n", "api_keys[0].role", "must be one of"),
        ("municipalities:\n  - code: GM 0153\n    name: X\n    categories: [{ code: a, name: b }]\n", "municipalities[0].code", "letters or digits"),
        ("municipalities:\n  - { code: GM1, name: X, categories: [{ code: a, name: b }, { code: a, name: c }] }\n", "categories[1]", "appears twice"),
        ("municipalities: [", "", "not valid YAML"),
    ])
    func refused(yaml: String, path: String, message: String) throws {
        do {
            _ = try HubConfiguration.parse(yaml: yaml, source: "test.yaml")
            Issue.record("accepted: \(yaml)")
        } catch {
            #expect(path.isEmpty || error.description.contains(path), "\(error.description)")
            #expect(error.description.contains(message), "\(error.description)")
            #expect(error.description.hasPrefix("test.yaml: "))
        }
    }

    @Test("A line number is given for values in the file")
    func lineNumbers() throws {
        let yaml = Self.minimal + "\n        route_to: nobody\n"
        #expect(throws: HubConfigError.self) { try HubConfiguration.parse(yaml: yaml) }
        do {
            _ = try HubConfiguration.parse(yaml: yaml)
        } catch {
            #expect(error.message.contains("line 7"), "\(error.message)")
        }
    }

    @Test("Generated keys are long, distinct, and stored only as their sha256")
    func keys() {
        let first = APIKeySecret.generate(), second = APIKeySecret.generate()
        #expect(first != second)
        #expect(first.hasPrefix("hub_") && first.count == 47)
        #expect(APIKeySecret.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
