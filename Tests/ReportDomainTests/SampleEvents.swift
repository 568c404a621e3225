import Foundation
import ReportDomain

/// One representative event of every type, twice: once with every optional value present and
/// once with every optional value absent, so round trips and schemas see both shapes.
enum SampleEvents {
    static let id = ReportID(UUID(uuidString: "3F2A6C1E-8B4D-4E7A-9C1B-2D3E4F5A6B7C")!)
    static let other = ReportID(UUID(uuidString: "00000000-0000-4000-8000-000000000001")!)
    static let at = Date(timeIntervalSince1970: 1_740_000_000)
    static let later = Date(timeIntervalSince1970: 1_740_086_400.25)

    static var full: [ReportEvent] {
        [
            ReportSubmitted(
                reportID: id, municipality: Fixtures.enschede, channel: .app, category: "afval.container",
                description: "Het deksel sluit niet.", location: try! Location(latitude: 52.2215, longitude: 6.8937, address: "Oude Markt 11", postcode: "7511 GA"),
                photoURLs: ["https://photos.example.nl/a.jpg"], contact: Fixtures.contact,
                notificationPreference: Fixtures.everyStepByEmail, urgency: .high,
                externalReference: try! ExternalReference(system: "verbeterdebuurt", id: "VDB-1"),
                submittedAt: at, expectedAcknowledgementBy: at.addingTimeInterval(7200), expectedResolutionBy: later
            ).event,
            ReportAcknowledged(reportID: id, occurredAt: at).event,
            ReportCategorised(reportID: id, occurredAt: at, category: "afval.zijplaatsing", previousCategory: "afval.container").event,
            ReportAssigned(reportID: id, occurredAt: at, department: Fixtures.roads).event,
            ReportForwarded(reportID: id, occurredAt: at, party: Fixtures.wasteCollector).event,
            WorkScheduled(reportID: id, occurredAt: at, scheduledFor: later, scheduledBy: .party("renewi")).event,
            StatusUpdated(reportID: id, occurredAt: at, publicNote: "Materiaal besteld.", internalNote: "Deksel type B, levering week 12.", workStarted: true, updatedBy: .municipalityUser(id: "conny")).event,
            WorkCompletedByParty(reportID: id, occurredAt: at, partyID: "renewi", photoURL: "https://photos.example.nl/fixed.jpg", note: "Deksel vervangen.").event,
            WorkRejectedByParty(reportID: id, occurredAt: at, partyID: "renewi", reason: "Container is van een bedrijf.").event,
            ReportClosed(reportID: id, occurredAt: at, reason: .administrative, publicNote: "Afgehandeld.", internalNote: "Dossier gesloten.").event,
            ResolutionConfirmed(reportID: id, occurredAt: later).event,
            ReportReopened(reportID: id, occurredAt: at, reopenedBy: .reporter, reason: "Deksel sluit nog steeds niet.", returnedToPartyID: "renewi").event,
            ReportMerged(reportID: id, occurredAt: at, mainReportID: other).event,
            DuplicateAttached(reportID: id, occurredAt: at, duplicateReportID: other).event,
            CommentAdded(reportID: id, occurredAt: at, author: .system(name: "melddesk"), text: "Doorgezet.", visibility: .internal).event,
            NotificationPreferenceChanged(reportID: id, occurredAt: at, notificationPreference: Fixtures.onlyResolutionByEmail, contact: Fixtures.contact).event,
            FeedbackGiven(reportID: id, occurredAt: at, score: 4, text: "Snel opgelost.").event,
            PersonalDataErased(reportID: id, occurredAt: at, reason: "Verzoek van de melder.").event,
            ExternalIDLinked(reportID: id, occurredAt: at, system: "lichtpunt", externalID: "WO-2026-118").event,
        ]
    }

    static var sparse: [ReportEvent] {
        [
            ReportSubmitted(
                reportID: id, municipality: Fixtures.enschede, channel: .phone, category: "verlichting",
                description: "", location: try! Location(latitude: -33.5, longitude: 151),
                photoURLs: [], contact: nil, notificationPreference: .none, urgency: .normal,
                externalReference: nil, submittedAt: at, expectedAcknowledgementBy: nil, expectedResolutionBy: nil
            ).event,
            StatusUpdated(reportID: id, occurredAt: at, publicNote: nil, internalNote: "Alleen intern.", workStarted: false, updatedBy: .reporter).event,
            WorkCompletedByParty(reportID: id, occurredAt: at, partyID: "renewi", photoURL: nil, note: nil).event,
            ReportClosed(reportID: id, occurredAt: at, reason: .notMunicipalResponsibility, publicNote: nil, internalNote: nil).event,
            ReportReopened(reportID: id, occurredAt: at, reopenedBy: .municipalityUser(id: "karin"), reason: nil, returnedToPartyID: nil).event,
            NotificationPreferenceChanged(reportID: id, occurredAt: at, notificationPreference: .none, contact: nil).event,
            FeedbackGiven(reportID: id, occurredAt: at, score: 1, text: nil).event,
            PersonalDataErased(reportID: id, occurredAt: at, reason: nil).event,
        ]
    }
}
