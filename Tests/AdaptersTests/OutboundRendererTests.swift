import Adapters
import Foundation
import ReportDomain
import Testing

/// Template adapters get their own format: valid JSON, their codes, and never personal data
/// they may not have.
@Suite struct OutboundRendererTests {
    func render(_ adapterName: String, story: AdapterFixtures.Story, event: ReportEvent? = nil) throws -> (RenderedBody, [String: Any]) {
        let adapter = try AdapterFixtures.adapter(adapterName)
        let event = try #require(event ?? story.events.last)
        let rendered = try OutboundRenderer(adapter: adapter, configuration: AdapterFixtures.configuration)
            .render(event: event, report: story.report, envelope: AdapterFixtures.envelope(for: event, version: story.report.version))
        let json = try #require(try JSONSerialization.jsonObject(with: rendered.body) as? [String: Any])
        return (rendered, json)
    }

    @Test func lichtpuntGetsAWorkOrderInItsOwnJSON() throws {
        let story = try AdapterFixtures.story(forwardTo: AdapterFixtures.lichtpunt)
        let (rendered, json) = try render("lichtpunt", story: story)
        #expect(rendered.contentType == "application/json")
        #expect(json["soort"] as? String == "werkorder.nieuw")
        #expect(json["melding_id"] as? String == story.report.id.description)
        #expect(json["categorie"] as? String == "LP-STORING")
        #expect(json["status"] as? String == "NIEUW")
        #expect(json["volgnummer"] as? Int == 3)
        // Quotes and newlines of the reporter's text survive as text, not as broken JSON.
        #expect(json["omschrijving"] as? String == "De lamp brandt niet \"sinds gisteren\"\nen knippert soms")
        let location = try #require(json["locatie"] as? [String: Any])
        #expect(location["lat"] as? Double == 52.2215)
        #expect(location["postcode"] as? String == "7511 GA")
        #expect(json["fotos"] as? [String] == ["https://fotos.example/1.jpg", "https://fotos.example/2.jpg"])
        // Lichtpunt has a processing agreement: it may contact the reporter.
        let reporter = try #require(json["melder"] as? [String: Any])
        #expect(reporter["email"] as? String == "johan@example.nl")
    }

    @Test func otherEventsUseTheDefaultTemplateWithTheirStatusCode() throws {
        var story = try AdapterFixtures.story(forwardTo: AdapterFixtures.lichtpunt)
        try story.apply(.addComment("Sleutel ligt bij de buren", visibility: .internal), at: 300)
        let (_, json) = try render("lichtpunt", story: story)
        #expect(json["soort"] as? String == "werkorder.wijziging")
        #expect(json["gebeurtenis"] as? String == "CommentAdded")
        #expect(json["status"] as? String == "OPMERKING")
        #expect(json["toelichting"] as? String == "Sleutel ligt bij de buren")
    }

    @Test func aRedactedEventCarriesNoContactDataIntoTheBody() throws {
        let story = try AdapterFixtures.story(category: "afval.container", forwardTo: AdapterFixtures.afvalTwente)
        let submitted = try #require(story.events.first)
        let redacted = try #require(submitted.redacted(for: AdapterFixtures.afvalTwente))
        for event in [redacted, submitted, try #require(story.events.last)] {
            let (rendered, json) = try render("afval-twente", story: story, event: event)
            let text = String(decoding: rendered.body, as: UTF8.self)
            #expect(!text.contains("johan@example.nl"))
            #expect(!text.contains("Johan"))
            #expect(!text.contains("12345678"))
            #expect(json["soort"] as? String == "CONTAINER")
            #expect(json["referentie"] as? String == story.report.id.description)
        }
    }

    @Test func theAppGetsPublicTextsAndTheMunicipalitysLabels() throws {
        var story = try AdapterFixtures.story(forwardTo: AdapterFixtures.lichtpunt)
        var (_, json) = try render("verbeterdebuurt", story: story)
        #expect(json["status"] as? String == "doorgezet")
        #expect(json["status_tekst"] as? String == "Doorgezet naar de verlichtingsaannemer")
        #expect(json["melding"] as? String == "VDB-42")
        #expect(json["categorie"] as? String == "straatverlichting")
        #expect(json["gemeente"] as? String == "Enschede")

        try story.apply(.completeWork(photoURL: "https://lichtpunt.example/9.jpg", note: nil), by: .party("lichtpunt"), at: 500)
        (_, json) = try render("verbeterdebuurt", story: story)
        #expect(json["status"] as? String == "opgelost")
        #expect(json["openbare_status"] as? String == "resolved")
        #expect(json["status_tekst"] as? String == "Opgelost")
        #expect(json["foto_oplossing"] as? String == "https://lichtpunt.example/9.jpg")
    }

    @Test func aTemplateThatRendersBrokenJSONIsAnErrorOfItsFile() throws {
        let yaml = """
            name: test
            municipalities: [GM0153]
            outbound:
              url: https://example.nl/hook
              secret_env: TEST_SECRET
              format: template
              template:
                content_type: application/json
                events:
                  default: '{"volgnummer": {{{report.description}}}}'
            """
        let adapter = try AdapterDefinition.parse(
            yaml: yaml, file: "/srv/adapters/test.yaml", configuration: AdapterFixtures.configuration, environment: AdapterFixtures.environment)
        let story = try AdapterFixtures.story()
        let event = try #require(story.events.last)
        #expect {
            try OutboundRenderer(adapter: adapter, configuration: AdapterFixtures.configuration)
                .render(event: event, report: story.report, envelope: AdapterFixtures.envelope(for: event, version: 1))
        } throws: { error in
            guard let error = error as? AdapterFileError, let issue = error.issues.first else { return false }
            return error.code == .rendering && issue.file == "/srv/adapters/test.yaml" && issue.line == 10
                && issue.path == "outbound.template.events.default" && issue.message.hasPrefix("rendered ReportSubmitted as text that is not JSON")
        }
    }

    @Test func aFormTemplatePercentEncodesEveryValueSoNoFieldCanBeAddedOrChanged() throws {
        let yaml = """
            name: test
            municipalities: [GM0153]
            outbound:
              url: https://example.nl/open311/v2/requests.json
              secret_env: TEST_SECRET
              format: template
              template:
                content_type: application/x-www-form-urlencoded
                events:
                  default: 'service_code={{report.their_category}}&lat={{{report.latitude}}}&description={{report.description}}&address_string={{report.address}}'
            """
        let adapter = try AdapterDefinition.parse(
            yaml: yaml, file: "/srv/adapters/test.yaml", configuration: AdapterFixtures.configuration, environment: AdapterFixtures.environment)
        var story = try AdapterFixtures.story()
        try story.apply(.addComment("x", visibility: .internal), at: 1)
        let event = try #require(story.events.last)
        let rendered = try OutboundRenderer(adapter: adapter, configuration: AdapterFixtures.configuration)
            .render(event: event, report: story.report, envelope: AdapterFixtures.envelope(for: event, version: 2))
        #expect(rendered.contentType == "application/x-www-form-urlencoded")
        let text = String(decoding: rendered.body, as: UTF8.self)
        // The description holds quotes and a newline; nothing of it can end its field.
        var form = URLComponents()
        form.percentEncodedQuery = text
        let fields = try #require(form.queryItems)
        #expect(fields.map(\.name) == ["service_code", "lat", "description", "address_string"])
        #expect(fields.first { $0.name == "description" }?.value == story.report.description)
        #expect(fields.first { $0.name == "address_string" }?.value == story.report.location.address)
        #expect(!text.contains(" ") && !text.contains("\n") && !text.contains("\""))
    }
}
