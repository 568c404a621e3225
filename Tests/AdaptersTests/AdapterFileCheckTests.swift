import Adapters
import Foundation
import Testing

/// Every rule of the format gives its error at the right file, line and path.
@Suite struct AdapterFileCheckTests {
    static let file = "/srv/hub/adapters/test.yaml"

    func issues(_ yaml: String, environment: [String: String] = AdapterFixtures.environment) -> [AdapterFileIssue] {
        AdapterCatalog.check(yaml: yaml, file: Self.file, configuration: AdapterFixtures.configuration, environment: environment)
    }

    func errors(_ yaml: String) -> [String] {
        issues(yaml).filter { $0.severity == .error }.map(\.description)
    }

    static let minimal = """
        name: test
        municipalities: [GM0153]
        outbound:
          url: https://example.nl/hook
          secret_env: TEST_SECRET
        """

    @Test func theMinimalFileIsClean() throws {
        #expect(issues(Self.minimal).isEmpty)
        let adapter = try AdapterDefinition.parse(
            yaml: Self.minimal, file: Self.file, configuration: AdapterFixtures.configuration, environment: AdapterFixtures.environment)
        #expect(adapter.displayName == "test")
        #expect(adapter.file == Self.file)
    }

    @Test func unknownKeysAreRefusedEachWithItsLine() {
        let yaml = """
            name: test
            municipalities: [GM0153]
            colour: blue
            outbound:
              url: https://example.nl/hook
              secret_env: TEST_SECRET
              retries: [5s]
            """
        let found = errors(yaml)
        #expect(found.count == 2)
        #expect(found.contains { $0.hasPrefix("\(Self.file):3: colour: unknown key \"colour\"; known keys: ") })
        #expect(found.contains { $0.hasPrefix("\(Self.file):7: outbound.retries: unknown key \"retries\"") })
    }

    @Test func aPartyWithoutAgreementCannotReceivePersonalData() {
        let yaml = """
            name: test
            municipalities: [GM0153]
            party: afval-twente
            processing_agreement: true
            outbound:
              url: https://example.nl/hook
              secret_env: TEST_SECRET
            """
        let found = errors(yaml)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("\(Self.file):4: processing_agreement: party \"afval-twente\" has no processing agreement") == true)
        #expect(errors(yaml.replacingOccurrences(of: "afval-twente", with: "lichtpunt")).isEmpty)
    }

    @Test func unknownPartyAndMunicipalityAreRefused() {
        let yaml = """
            name: test
            municipalities: [GM0153, GM9999]
            party: renewi
            outbound:
              url: https://example.nl/hook
              secret_env: TEST_SECRET
            """
        let found = errors(yaml)
        #expect(found.contains { $0.hasPrefix("\(Self.file):2: municipalities[1]: names municipality \"GM9999\", which is not in the hub configuration") })
        #expect(found.contains { $0.hasPrefix("\(Self.file):3: party: names party \"renewi\", which is not in the hub configuration") })
    }

    @Test func badNamesAndAddressesAreRefused() {
        let yaml = """
            name: Lichtpunt_BV
            municipalities: [GM0153]
            outbound:
              url: ftp://example.nl/hook
              secret_env: TEST_SECRET
              proxy: not a proxy
            """
        let found = errors(yaml)
        #expect(found.contains { $0.hasPrefix("\(Self.file):1: name: must be 1 to 63 lower-case letters") })
        // The outbound part stops at its first error; the name's error is reported beside it.
        #expect(found.contains { $0.hasPrefix("\(Self.file):4: outbound.url: must be an http:// or https:// address") })
    }

    @Test func plainHTTPAndLiteralSecretsAreWarningsNotErrors() {
        let yaml = """
            name: test
            municipalities: [GM0153]
            outbound:
              url: http://example.nl/hook
              secret: \(AdapterFixtures.secret(9))
            """
        let found = issues(yaml)
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(found.map(\.description).contains { $0.hasPrefix("\(Self.file):4: outbound.url: warning: uses plain http") })
        #expect(found.map(\.description).contains { $0.hasPrefix("\(Self.file):5: outbound.secret: warning: the secret is written in the adapter file") })
    }

    @Test func aSecretMustBeAStandardWebhooksSecret() {
        let found = issues(Self.minimal, environment: ["TEST_SECRET": "hunter2"])
        #expect(found.map(\.description) == [
            "\(Self.file):5: outbound.secret_env: the secret (environment variable TEST_SECRET) must be a Standard Webhooks secret: whsec_ followed by the base64 of at least 24 random bytes"
        ])
    }

    @Test func tlsFilesMustExistRelativeToTheAdapterFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("adapters-tls-\(UUID())")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("certs"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("cert".utf8).write(to: folder.appendingPathComponent("certs/client.pem"))
        let yaml = """
            name: test
            municipalities: [GM0153]
            outbound:
              url: https://example.nl/hook
              secret_env: TEST_SECRET
              tls:
                client_certificate: certs/client.pem
                client_key: certs/client.key
            """
        let file = folder.appendingPathComponent("test.yaml").path
        let found = AdapterCatalog.check(yaml: yaml, file: file, configuration: AdapterFixtures.configuration, environment: AdapterFixtures.environment)
        #expect(found.map(\.description) == [
            "\(file):8: outbound.tls.client_key: the file \(folder.path)/certs/client.key does not exist (relative paths start at the adapter file's folder)"
        ])
        try Data("key".utf8).write(to: folder.appendingPathComponent("certs/client.key"))
        let adapter = try AdapterDefinition.parse(yaml: yaml, file: file, configuration: AdapterFixtures.configuration, environment: AdapterFixtures.environment)
        #expect(adapter.outbound?.tls?.clientCertificate == folder.appendingPathComponent("certs/client.pem").standardizedFileURL.path)
    }

    @Test func unknownEventTypesCategoriesAndStatusesAreRefused() {
        let yaml = """
            name: test
            municipalities: [GM0599]
            outbound:
              url: https://example.nl/hook
              secret_env: TEST_SECRET
              filter:
                event_types: [ReportForwarded, ReportFixed]
            categories:
              - { ours: verlichting.lantaarnpaal, theirs: LAMP }
            statuses:
              outbound:
                handled: KLAAR
              inbound:
                KLAAR: finished
            """
        let found = errors(yaml)
        #expect(found.contains { $0.hasPrefix("\(Self.file):7: outbound.filter.event_types[1]: is not an event type; use one of ") })
        #expect(found.contains { $0.hasPrefix("\(Self.file):9: categories[0].ours: is not a category of GM0599") })
        #expect(found.contains { $0.hasPrefix("\(Self.file):12: statuses.outbound.handled: is neither a report status") })
        #expect(found.contains { $0.hasPrefix("\(Self.file):14: statuses.inbound.KLAAR: must be one of acknowledge, schedule, start_work, done, reject, comment, close, reopen, categorise, forward, ignore, but was \"finished\"") })
    }

    @Test func aCategoryPrefixMustMatchSomething() {
        let yaml = Self.minimal + "\n  filter:\n    categories: [\"groen.*\"]"
        #expect(errors(yaml).first?.hasPrefix("\(Self.file):7: outbound.filter.categories[0]: matches no category of GM0153") == true)
    }

    @Test func aPartySystemCannotCloseAndAMunicipalSystemCannotReportWorkDone() {
        let party = """
            name: test
            municipalities: [GM0153]
            party: lichtpunt
            inbound:
              secret_env: TEST_SECRET
              report: { hub_id: /id }
              status: /status
            statuses:
              inbound:
                KLAAR: close
            """
        #expect(errors(party).first?.hasPrefix("\(Self.file):10: statuses.inbound.KLAAR: close is the municipality's decision") == true)
        let municipal = party.replacingOccurrences(of: "party: lichtpunt\n", with: "").replacingOccurrences(of: "KLAAR: close", with: "KLAAR: done")
        #expect(errors(municipal).first?.hasPrefix("\(Self.file):9: statuses.inbound.KLAAR: done can only come from a party's system") == true)
    }

    @Test func aPartyAlwaysSeesOnlyItsOwnReports() {
        let yaml = """
            name: test
            municipalities: [GM0153]
            party: lichtpunt
            outbound:
              url: https://example.nl/hook
              secret_env: TEST_SECRET
              filter:
                only_assigned_to_party: false
            """
        #expect(errors(yaml).first?.hasPrefix("\(Self.file):8: outbound.filter.only_assigned_to_party: cannot be false for party lichtpunt's system") == true)
    }

    /// A block mapping's line is its first entry's (libyaml marks the mapping there), line 11 here.
    @Test func templatesMustCoverEveryEventTheyReceiveAndParse() {
        let uncovered = """
            name: test
            municipalities: [GM0153]
            outbound:
              url: https://example.nl/hook
              secret_env: TEST_SECRET
              format: template
              filter: { event_types: [ReportForwarded, ReportClosed] }
              template:
                content_type: application/json
                events:
                  ReportForwarded: '{"id": "{{report.id}}"}'
            """
        #expect(errors(uncovered).first?.hasPrefix("\(Self.file):11: outbound.template.events: has no template for ReportClosed and no default") == true, "\(errors(uncovered))")
        let broken = """
            name: test
            municipalities: [GM0153]
            outbound:
              url: https://example.nl/hook
              secret_env: TEST_SECRET
              format: template
              template:
                content_type: application/json
                events:
                  default: |
                    {
                      "id": "{{#report}}{{id}}{{/reprot}}"
                    }
            """
        #expect(errors(broken).first?.hasPrefix("\(Self.file):12: outbound.template.events.default: the template does not parse") == true)
    }

    @Test func anAdapterMustConnectSomething() {
        #expect(errors("name: test\nmunicipalities: [GM0153]") == ["\(Self.file):1: says neither outbound, inbound nor polling: the system would not be connected at all"])
    }

    @Test func notYAMLIsRefusedWithItsLine() {
        let found = errors("name: test\nmunicipalities: [GM0153\noutbound: {")
        #expect(found.count == 1)
        #expect(found.first?.contains("not valid YAML") == true)
    }

    @Test func theCatalogIsAllOrNothingAndNamesAreUnique() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("adapters-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.minimal.write(to: folder.appendingPathComponent("test.yaml"), atomically: true, encoding: .utf8)
        try "not an adapter".write(to: folder.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let catalog = try AdapterCatalog.load(directory: folder.path, configuration: AdapterFixtures.configuration, environment: AdapterFixtures.environment)
        #expect(catalog.adapters.count == 1)

        try Self.minimal.write(to: folder.appendingPathComponent("zz-copy.yml"), atomically: true, encoding: .utf8)
        try (Self.minimal + "\n  timeout: soon").write(to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        var thrown: AdapterFileError?
        do {
            _ = try AdapterCatalog.load(directory: folder.path, configuration: AdapterFixtures.configuration, environment: AdapterFixtures.environment)
        } catch {
            thrown = error
        }
        let error = try #require(thrown)
        #expect(error.code == .invalid)
        let lines = error.description.split(separator: "\n").map(String.init)
        // Warnings (the copies' names differ from their file names) do not stop the hub; errors do.
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("\(folder.path)/broken.yaml:6: outbound.timeout: must be a positive whole number with a unit"))
        #expect(lines.contains("\(folder.path)/zz-copy.yml:1: name: the name \"test\" is already used by \(folder.path)/test.yaml; every adapter needs its own name"))
    }
}
