import EventLog
import Foundation
import HubTestSupport
import ReportDomain
import Testing
@testable import Projections

@Suite struct DocumentTests {
    /// The documents of every report in the scenario, with the states that made them.
    private func documents() async throws -> [(ReportDocument, PublicReportDocument)] {
        let (harness, _) = try await ProjectedScenario.get()
        let events = try await harness.store.readSettled(after: .start)
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

    @Test func theStoredJSONReadsBackThroughCodableAsTheSameDocumentWithEveryFieldAndSortedKeys() async throws {
        let decoder = JSONDecoder()
        for (document, publicDocument) in try await documents() {
            let written = try JSONEncoder.documents.encode(document)
            let publicWritten = try JSONEncoder.documents.encode(publicDocument)
            #expect(try decoder.decode(ReportDocument.self, from: written) == document)
            #expect(try decoder.decode(PublicReportDocument.self, from: publicWritten) == publicDocument)
            // The same state gives the same bytes.
            #expect(try JSONEncoder.documents.encode(document) == written)
            // Every field is there, absent ones as null, under its snake_case key.
            let object = try #require(try JSONSerialization.jsonObject(with: written) as? [String: Any])
            #expect(object.count == Mirror(reflecting: document).children.count)
            let publicObject = try #require(try JSONSerialization.jsonObject(with: publicWritten) as? [String: Any])
            #expect(publicObject.count == Mirror(reflecting: publicDocument).children.count)
            for key in Self.keys(in: object) + Self.keys(in: publicObject) {
                #expect(key == key.lowercased(), "\(key)")
            }
            // Keys in order: the smallest key comes first.
            let first = try #require(object.keys.min())
            #expect(String(decoding: written, as: UTF8.self).hasPrefix("{\"\(first)\":"))
            // Codable both ways, whatever the encoder's date strategy.
            let plain = JSONEncoder()
            plain.dateEncodingStrategy = .secondsSince1970
            #expect(try decoder.decode(ReportDocument.self, from: try plain.encode(document)) == document)
        }
    }

    @Test func theJSONIsSnakeCaseWithISOMomentsAndNoPersonalDataInThePublicView() async throws {
        let (harness, scenario) = try await ProjectedScenario.get()
        // As stored.
        let stored = try #require(
            try await harness.rows("SELECT document::text, public_document::text FROM hub.report_projection WHERE report_id = '\(scenario.lamp)'").first)
        let (documentText, publicJSON) = (try #require(stored[0]), try #require(stored[1]))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(documentText.utf8)) as? [String: Any])
        #expect((json["submitted_at"] as? String)?.hasSuffix("Z") == true)
        #expect(json.keys.contains("reporter") && json.keys.contains("internal_notes"))
        let serviceLevel = try #require(json["service_level"] as? [String: Any])
        #expect(json["photo_urls"] is [Any] && serviceLevel.keys.contains("resolve_by"))
        let assignee = try #require(json["assignee"] as? [String: Any])
        #expect((assignee["department"] as? [String: Any])?["code"] as? String == "verlichting")
        for key in ["\"reporter\"", "\"internal_notes\"", "\"comments\"", "\"contact\"", "Storing in kast 12"] {
            #expect(!publicJSON.contains(key))
        }
    }

    @Test func theDocumentsWriteEachDomainValueAsTheValuesOwnCodableDoes() async throws {
        // The documents write domain values field by field for speed
        // (KeyedEncodingContainer+Documents.swift); each must come out as the type writes itself.
        var seen: Set<String> = []
        let johan = try Self.johansReport()
        let johansDocuments = (
            ReportDocument(johan, version: 4),
            PublicReportDocument(PublicReport(johan, policy: Scenario.policy(johan.municipality).publicStatus)))
        for (document, publicDocument) in try await documents() + [johansDocuments] {
            let object = try Self.object(try JSONEncoder.documents.encode(document))
            let publicObject = try Self.object(try JSONEncoder.documents.encode(publicDocument))
            try Self.expectSame(object["location"], document.location)
            try Self.expectSame(publicObject["location"], publicDocument.location)
            try Self.expectSame(object["external_reference"], document.externalReference)
            try Self.expectSame(object["last_completed_by"], document.lastCompletedBy)
            try Self.expectSame(object["involved_parties"], document.involvedParties)
            try Self.expectSame(object["duplicate_ids"], document.duplicateIDs)
            try Self.expectSame(object["main_report_id"], document.mainReportID)
            try Self.expectSame(object["id"], document.id)
            try Self.expectSame(object["status"], document.status)
            try Self.expectSame(object["channel"], document.channel)
            let reporter = try #require(object["reporter"] as? [String: Any])
            try Self.expectSame(reporter["contact"], document.reporter?.contact)
            try Self.expectSame(reporter["notification_preference"], document.reporter?.notificationPreference)
            if let party = document.assignee?.party {
                try Self.expectSame((object["assignee"] as? [String: Any])?["party"], party)
                seen.insert("assigned party")
            }
            if let completion = document.completion {
                try Self.expectSame((object["completion"] as? [String: Any])?["party"], completion.party)
                seen.insert("completion")
            }
            if let closure = document.closure {
                try Self.expectSame((object["closure"] as? [String: Any])?["reason"], closure.reason)
                seen.insert("closure")
            }
            let status = try #require(publicObject["status"] as? [String: Any])
            try Self.expectSame(status["kind"], publicDocument.status.kind)
            try Self.expectSame(status["open311"], publicDocument.status.open311)
            try Self.expectSame(status["closure_reason"], publicDocument.status.closureReason)
            if document.externalReference != nil { seen.insert("external reference") }
            if document.lastCompletedBy != nil { seen.insert("last completed by") }
            if document.reporter?.contact != nil { seen.insert("contact") }
            if document.reporter?.notificationPreference.channel != nil { seen.insert("notification channel") }
            if document.location.address == nil { seen.insert("location without address") }
        }
        // The scenario has each of them at least once, so nothing above was skipped.
        #expect(seen == ["assigned party", "completion", "closure", "external reference", "last completed by", "contact",
                         "notification channel", "location without address"])
    }

    /// A report with the reporter's contact, an e-mail preference, comments of both kinds and feedback.
    private static func johansReport() throws -> Report {
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
        return report
    }

    @Test func aRedactedDocumentHasNoReporterDataButEverythingForTheWork() throws {
        let report = try Self.johansReport()
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

    private static func object(_ json: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    }

    /// Whether a value read from a document is what the domain value's own Codable writes
    /// (`nil` for a value the document does not have: it must be `null` there).
    private static func expectSame(
        _ written: Any?, _ value: (some Encodable)?, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let own = try JSONSerialization.jsonObject(with: try JSONEncoder().encode([value]), options: .fragmentsAllowed)
        let canonical: (Any) throws -> String = {
            String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
        }
        #expect(try canonical([written ?? "(missing)"]) == (try canonical(own)), sourceLocation: sourceLocation)
    }

    /// Every object key at any depth of a JSONSerialization value.
    private static func keys(in value: Any) -> [String] {
        if let object = value as? [String: Any] {
            return object.keys + object.values.flatMap { keys(in: $0) }
        }
        if let array = value as? [Any] { return array.flatMap { keys(in: $0) } }
        return []
    }
}
