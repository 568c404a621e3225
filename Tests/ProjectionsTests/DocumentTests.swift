import EventLog
import Foundation
import ReportDomain
import Testing
@testable import Projections

@Suite struct DocumentTests {
    /// The documents of every report in the scenario, with the states that made them.
    private func documents() async throws -> [(ReportDocument, PublicReportDocument)] {
        let (harness, _) = try await ProjectedScenario.get()
        let events = try await harness.store.readAll(after: .start, limit: 10_000)
        var folds: [String: ReportFold] = [:]
        for event in events {
            folds[event.stream] = ReportFold.apply(LoggedEvent.reading(event).0, to: folds[event.stream]).0
        }
        return folds.values.map { fold in
            let policy = Scenario.policy(fold.report.municipality)
            return (
                ReportDocument(fold.report, version: fold.version),
                PublicReportDocument(PublicReport(fold.report, policy: policy.publicStatus))
            )
        }
    }

    @Test func theWrittenJSONReadsBackThroughCodableAsTheSameDocument() async throws {
        let decoder = JSONDecoder()
        for (document, publicDocument) in try await documents() {
            #expect(try decoder.decode(ReportDocument.self, from: Data(document.json())) == document)
            #expect(try decoder.decode(PublicReportDocument.self, from: Data(publicDocument.json())) == publicDocument)
            // Codable both ways, whatever the encoder's date strategy.
            let encoded = try JSONEncoder().encode(document)
            #expect(try decoder.decode(ReportDocument.self, from: encoded) == document)
            let written = try #require(JSONParser.parse(document.json()))
            let codable = try #require(JSONParser.parse(Array(encoded)))
            #expect(Self.sorted(written) == Self.sorted(codable))
        }
    }

    @Test func theJSONIsSnakeCaseWithISOMomentsAndNoPersonalDataInThePublicView() async throws {
        let (harness, scenario) = try await ProjectedScenario.get()
        let lamp = try #require(try await harness.queries.report(id: scenario.lamp))
        let json = try #require(JSONParser.parse(lamp.document.json()))
        #expect(json["submitted_at"]?.string?.hasSuffix("Z") == true)
        #expect(json["photo_urls"] != nil && json["service_level"]?["resolve_by"] != nil)
        #expect(json["assignee"]?["department"]?["code"]?.string == "verlichting")
        let publicJSON = String(decoding: lamp.publicDocument.json(), as: UTF8.self)
        for key in ["\"reporter\"", "\"internal_notes\"", "\"comments\"", "\"contact\"", "Storing in kast 12"] {
            #expect(!publicJSON.contains(key))
        }
    }

    @Test func aRedactedDocumentHasNoReporterDataButEverythingForTheWork() throws {
        let id = ReportID.generate()
        let submitted = ReportSubmitted(
            reportID: id, municipality: Scenario.enschede, channel: .app, category: "afval.container", description: "Deksel kapot",
            location: Scenario.location(52.2, 6.9, "Hengelosestraat 12", "7514 AE"), photoURLs: [], contact: Scenario.johan,
            notificationPreference: try NotificationPreference(level: .everyStep, channel: .email), urgency: .normal,
            externalReference: nil, submittedAt: Scenario.start, expectedAcknowledgementBy: nil, expectedResolutionBy: nil)
        var report = try #require(Report.evolve(nil, .reportSubmitted(submitted)))
        report = try #require(Report.evolve(report, .commentAdded(CommentAdded(reportID: id, occurredAt: Scenario.start, author: .reporter, text: "Bel me", visibility: .public))))
        report = try #require(Report.evolve(report, .commentAdded(CommentAdded(reportID: id, occurredAt: Scenario.start, author: .municipalityUser(id: "k"), text: "Komt goed", visibility: .public))))
        report = try #require(Report.evolve(report, .feedbackGiven(FeedbackGiven(reportID: id, occurredAt: Scenario.start, score: 5, text: "Top, Johan"))))
        let document = ReportDocument(report, version: 4)
        #expect(document.reporter?.contact == Scenario.johan)
        let redacted = document.redacted()
        #expect(redacted.reporter == nil)
        #expect(redacted.comments.map(\.text) == [nil, "Komt goed"])
        #expect(redacted.feedback?.text == nil && redacted.feedback?.score == 5)
        #expect(redacted.location == document.location && redacted.description == document.description)
        // The same data as the domain's own redaction for a party without an agreement.
        let domain = ReportDocument(report.redacted(for: Scenario.renewi), version: 4)
        #expect(redacted.comments == domain.comments && redacted.feedback == domain.feedback)
        #expect(domain.reporter?.contact == nil)
    }

    /// A JSON value with object members in key order, to compare documents written in another order.
    private static func sorted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members): .object(members.map { ($0.key, sorted($0.value)) }.sorted { $0.0 < $1.0 })
        case .array(let values): .array(values.map(sorted))
        case .integer(let value): .number(Double(value))
        default: value
        }
    }
}
