import EventLog
import Foundation
import ReportDomain
import Testing
@testable import Projections

@Suite struct HistoryTests {
    @Test func thePublicTimelineHoldsNoInternalNotesNoActorsAndNoPersonalData() async throws {
        let (harness, scenario) = try await ProjectedScenario.get()
        for id in [scenario.container, scenario.lamp, scenario.rotterdamReport, scenario.duplicate] {
            let entries = try await harness.queries.history(reportID: id, publicOnly: true)
            #expect(!entries.isEmpty)
            for entry in entries {
                #expect(entry.actor == nil)
                #expect(entry.internalNote == nil)
                #expect(entry.publicSummary != nil && entry.summary == entry.publicSummary)
                let text = [entry.summary, entry.publicNote ?? "", entry.photoURL ?? ""].joined(separator: " ")
                for secret in [
                    Scenario.internalNote, Scenario.reporterComment, Scenario.feedbackText, Scenario.rejectReason,
                    "Intern: factuur volgt", "Storing in kast 12", "Johan", "johan@example.nl", "0612345678", "karin",
                    "Openbare verlichting",
                ] {
                    #expect(!text.contains(secret), "public history of \(id) shows \(secret)")
                }
            }
        }
        let container = try await harness.queries.history(reportID: scenario.container, publicOnly: true)
        #expect(container.map(\.eventType).contains("ReportForwarded"))
        #expect(!container.map(\.eventType).contains("NotificationPreferenceChanged"))
        #expect(!container.map(\.eventType).contains("PersonalDataErased"))
        #expect(container.contains { $0.photoURL == "https://example.org/fixed/deksel.jpg" })
        #expect(container.contains { $0.publicNote == "We komen donderdag langs" })
        #expect(container.contains { $0.publicNote == "Bedankt voor uw melding" })
    }

    @Test func theInternalTimelineIsCompleteButErasureRemovesTheReportersWords() async throws {
        let (harness, scenario) = try await ProjectedScenario.get()
        let entries = try await harness.queries.history(reportID: scenario.container, publicOnly: false)
        let stored = try await harness.store.readStream(scenario.container.streamName)
        #expect(entries.map(\.streamVersion) == stored.map(\.streamVersion))
        #expect(entries.map(\.eventType) == stored.map(\.type))
        #expect(entries.map(\.position) == stored.map(\.position))
        #expect(entries.first?.actor == "adapter:verbeterdebuurt")
        #expect(entries.contains { $0.summary == "Forwarded to Renewi" })
        // Internal notes stay; the reporter's comment and survey text went with the erasure.
        #expect(entries.contains { $0.internalNote == Scenario.internalNote })
        #expect(entries.contains { $0.internalNote == "Intern: factuur volgt" })
        #expect(!entries.contains { $0.internalNote == Scenario.reporterComment })
        #expect(!entries.contains { $0.internalNote == Scenario.feedbackText })
        let comment = try #require(entries.first { $0.eventType == "CommentAdded" && $0.actor == "reporter" })
        #expect(comment.internalNote == nil && comment.publicSummary == nil)
        // A reason the reporter gave before any erasure stays: the lamp's reporter erased nothing.
        let lamp = try await harness.queries.history(reportID: scenario.lamp, publicOnly: false)
        #expect(lamp.contains { $0.eventType == "ReportReopened" && $0.internalNote == "Lamp brandt nog steeds niet" })
        #expect(try await harness.queries.history(reportID: .generate(), publicOnly: false).isEmpty)
    }

    @Test func oneReportReadsBackWithItsDocumentsAndAMergedDuplicateFollowsItsMain() async throws {
        let (harness, scenario) = try await ProjectedScenario.get()
        let container = try #require(try await harness.queries.report(id: scenario.container))
        #expect(container.status == .confirmed)
        #expect(container.publicStatus == .resolved)
        #expect(container.reporterTokenHash == String(repeating: "ab", count: 32))
        #expect(container.involvedParties == [Scenario.renewi.id])
        #expect(container.isVisible(to: Scenario.renewi.id) && !container.isVisible(to: Scenario.roteb.id))
        #expect(container.document.personalDataErased)
        #expect(container.document.reporter?.contact == nil)
        #expect(container.document.duplicateIDs == [scenario.duplicate])
        #expect(container.publicDocument.completionPhotoURL == "https://example.org/fixed/deksel.jpg")
        let stored = try await harness.store.readStream(scenario.container.streamName)
        #expect(container.version == stored.last?.streamVersion)

        let duplicate = try #require(try await harness.queries.report(id: scenario.duplicate))
        #expect(duplicate.status == .merged)
        #expect(duplicate.mainReportID == scenario.container)
        #expect(duplicate.publicStatus == container.publicStatus)
        #expect(duplicate.publicLabel == container.publicLabel)
        #expect(duplicate.open311Status == container.open311Status)
        #expect(duplicate.publicDocument.status == container.publicDocument.status)
        #expect(duplicate.publicDocument.mainReportID == scenario.container)
        #expect(duplicate.publicDocument.description == "Container deksel kapot bij de bushalte")

        let rotterdam = try #require(try await harness.queries.report(id: scenario.rotterdamReport))
        #expect(rotterdam.publicLabel == "Doorgestuurd naar Stadsbeheer")
        #expect(rotterdam.involvedParties == [Scenario.roteb.id, Scenario.stadsbeheer.id])
        #expect(try await harness.queries.report(id: .generate()) == nil)
    }
}
