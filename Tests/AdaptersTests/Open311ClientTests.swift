import Adapters
import Foundation
import ReportDomain
import Testing

/// The pieces that make the hub an Open311 client by configuration alone
/// (adapters/open311-rotterdam.yaml): a URL per event type, the `api_key` added at sending,
/// their id bound at sending, forms written over several lines, and no echo of their own changes.
@Suite struct Open311ClientTests {
    static let rotterdam = try! AdapterFixtures.adapter("open311-rotterdam")

    static func parse(_ outbound: String) throws -> AdapterDefinition {
        try AdapterDefinition.parse(
            yaml: "name: test\nmunicipalities: [GM0153]\noutbound:\n" + outbound, file: "/srv/adapters/test.yaml",
            configuration: AdapterFixtures.configuration, environment: AdapterFixtures.environment)
    }

    static func issues(_ outbound: String) -> [AdapterFileIssue] {
        do {
            _ = try parse(outbound)
            return []
        } catch {
            return (error as? AdapterFileError)?.issues ?? []
        }
    }

    static let form = """
          secret_env: TEST_SECRET
          format: template
          template:
            content_type: application/x-www-form-urlencoded
            events:
              default: 'id={{report.id}}'

        """

    @Test func aNewReportGoesToRequestsAndEverythingElseToUpdates() {
        let outbound = Self.rotterdam.outbound
        #expect(outbound?.url(for: "ReportSubmitted") == "https://meldingen.rotterdam.example/open311/v2/requests.json")
        #expect(outbound?.url(for: "CommentAdded") == "https://meldingen.rotterdam.example/open311/v2/servicerequestupdates.json")
    }

    @Test func aURLForAnEventTypeTheAdapterDoesNotReceiveIsRefused() {
        let issues = Self.issues("""
              url: https://example.nl/updates
              urls: { ReportForwarded: https://example.nl/requests }
              filter: { event_types: [ReportSubmitted, CommentAdded] }
            """ + "\n" + Self.form)
        #expect(issues.count == 1)
        #expect(issues.first?.path == "outbound.urls.ReportForwarded")
        #expect(issues.first?.message.contains("CommentAdded, ReportSubmitted") == true)
    }

    @Test func anAPIKeyIsReadButOnlyForAFormBody() throws {
        let adapter = try Self.parse("  url: https://example.nl/requests\n  authentication: { type: api_key, token_env: TEST_SECRET }\n" + Self.form)
        #expect(adapter.outbound?.authentication.requestField?.name == "api_key")
        #expect(adapter.outbound?.authentication.requestField?.value == AdapterFixtures.environment["TEST_SECRET"])

        let json = Self.issues("""
              url: https://example.nl/requests
              authentication: { type: api_key, field: key, token_env: TEST_SECRET }
              secret_env: TEST_SECRET
              format: template
              template: { content_type: application/json, events: { default: '{}' } }
            """)
        #expect(json.map(\.path) == ["outbound.authentication"])
        #expect(json.first?.message.contains("application/x-www-form-urlencoded") == true)

        let badField = Self.issues("  url: https://example.nl/r\n  authentication: { type: api_key, field: 'a&b', token_env: TEST_SECRET }\n" + Self.form)
        #expect(badField.map(\.path) == ["outbound.authentication.field"])
    }

    @Test func theKeyIsAddedAsAFormFieldEncoded() {
        let body = FormValueContentType.appending(field: "api_key", value: "a&b=c d", to: Array("id=1".utf8))
        #expect(String(decoding: body, as: UTF8.self) == "id=1&api_key=a%26b%3Dc%20d")
        #expect(String(decoding: FormValueContentType.appending(field: "k", value: "v", to: []), as: UTF8.self) == "k=v")
    }

    @Test func ownChangesAreLeftOutOnlyWhenTheFileSaysSo() {
        #expect(Self.rotterdam.hears(changeBy: "adapter:open311-rotterdam") == false)
        #expect(Self.rotterdam.hears(changeBy: "reporter"))
        #expect(Self.rotterdam.hears(changeBy: "adapter:melddesk-enschede"))
        let melddesk = try! AdapterFixtures.adapter("melddesk-enschede")
        #expect(melddesk.hears(changeBy: "adapter:melddesk-enschede"))
        #expect(Self.rotterdam.logActor == "adapter:open311-rotterdam")
    }

    func render(_ story: AdapterFixtures.Story) throws -> RenderedBody {
        let event = try #require(story.events.last)
        return try OutboundRenderer(adapter: Self.rotterdam, configuration: AdapterFixtures.configuration)
            .render(event: event, report: story.report, envelope: AdapterFixtures.envelope(for: event, version: story.report.version))
    }

    static func fields(_ body: [UInt8]) -> [String: String] {
        var form = URLComponents()
        form.percentEncodedQuery = String(decoding: body, as: UTF8.self)
        return Dictionary((form.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
    }

    @Test func aNewReportIsAGeoReportRequestWrittenOverSeveralLinesButSentAsOneForm() throws {
        let story = try AdapterFixtures.story(municipality: "GM0599", category: "weg.gat")
        let rendered = try render(story)
        let text = String(decoding: rendered.body, as: UTF8.self)
        #expect(!text.contains(" ") && !text.contains("\n"))
        #expect(rendered.theirIDMarker == nil)
        let fields = Self.fields(Array(rendered.body))
        #expect(fields["service_code"] == "WEGDEK")
        #expect(fields["description"] == story.report.description)
        #expect(fields["address_string"] == "Oude Markt 1, Enschede")
        #expect(fields["media_url"] == "https://fotos.example/1.jpg")
        #expect(fields["email"] == "johan@example.nl")
        #expect(fields["first_name"] == "Johan de Vries")
        #expect(fields["attribute[hub_report_id]"] == story.report.id.description)
        #expect(fields["api_key"] == nil)
    }

    @Test func anUpdateBeforeTheirAnswerHoldsAMarkerThatTheirIDReplacesEncoded() throws {
        var story = try AdapterFixtures.story(municipality: "GM0599", category: "weg.gat")
        try story.apply(.addComment("Er staat water in", visibility: .public), by: .reporter, at: 60)
        let rendered = try render(story)
        let marker = try #require(rendered.theirIDMarker)
        #expect(marker.hasPrefix(OutboundTemplate.theirIDMarkerPrefix))
        #expect(Self.fields(Array(rendered.body))["service_request_id"] == marker)
        guard case .template(let template) = Self.rotterdam.outbound?.format else {
            Issue.record("open311-rotterdam sends templates")
            return
        }
        let bound = template.bindingTheirID("RTM 1&2", marker: marker, in: Array(rendered.body))
        let fields = Self.fields(bound)
        #expect(fields["service_request_id"] == "RTM 1&2")
        #expect(fields["status"] == "OPEN")
        #expect(fields["description"] == "Er staat water in")
        #expect(!String(decoding: bound, as: UTF8.self).contains(marker))
    }

    @Test func anUpdateAfterTheirAnswerNamesTheirIDAtOnce() throws {
        var story = try AdapterFixtures.story(municipality: "GM0599", category: "weg.gat")
        try story.apply(.linkExternalID(try ExternalReference(system: "open311-rotterdam", id: "RTM-7")), at: 30)
        try story.apply(.close(.resolved, publicNote: nil, internalNote: nil), at: 60)
        try story.apply(.reopen(reason: "nog niet goed"), by: .reporter, at: 90)
        let rendered = try render(story)
        #expect(rendered.theirIDMarker == nil)
        let fields = Self.fields(Array(rendered.body))
        #expect(fields["service_request_id"] == "RTM-7")
        #expect(fields["description"] == "nog niet goed")
    }

    @Test func aJSONTemplateGetsTheIDEscapedForAJSONString() throws {
        let template = try #require({
            if case .template(let template) = try AdapterFixtures.adapter("lichtpunt").outbound?.format { return template }
            return nil
        }())
        let bound = template.bindingTheirID("a\"b", marker: "hub-their-id-x", in: Array(#"{"id": "hub-their-id-x"}"#.utf8))
        #expect(String(decoding: bound, as: UTF8.self) == #"{"id": "a\"b"}"#)
    }
}
