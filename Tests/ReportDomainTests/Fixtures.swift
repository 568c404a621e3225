import Foundation
import ReportDomain

/// Shared names and moments, so each test reads like the story in DOMAIN.md.
enum Fixtures {
    static let enschede: MunicipalityCode = "GM0153"
    static let rotterdam: MunicipalityCode = "GM0599"

    /// A fixed moment: the domain has no clock, so tests never need one either.
    static let start = Date(timeIntervalSince1970: 1_740_000_000)

    static func hours(_ hours: Double) -> Date {
        start.addingTimeInterval(hours * 3600)
    }

    static let wasteCollector = try! Party(id: "renewi", displayName: "de afvalinzamelaar", hasProcessingAgreement: false)
    static let lightingContractor = try! Party(id: "lichtpunt", displayName: "de verlichtingsaannemer", hasProcessingAgreement: true)
    static let roads = try! Department(code: "wegen", name: "Wegen en verkeer")

    static let contact = try! ReporterContact(name: "Johan de Vries", email: "johan@example.nl", phone: "06 12345678")
    static let everyStepByEmail = try! NotificationPreference(level: .everyStep, channel: .email)
    static let onlyResolutionByEmail = try! NotificationPreference(level: .onlyResolution, channel: .email)

    static func policy(
        municipality: MunicipalityCode = enschede,
        publicStatus: PublicStatusPolicy = PublicStatusPolicy(),
        serviceLevels: ServiceLevelPolicy = ServiceLevelPolicy(),
        notificationsEnabled: Bool = true,
        satisfactionSurveyEnabled: Bool = false
    ) -> MunicipalityPolicy {
        MunicipalityPolicy(
            municipality: municipality, publicStatus: publicStatus, serviceLevels: serviceLevels,
            notificationsEnabled: notificationsEnabled, satisfactionSurveyEnabled: satisfactionSurveyEnabled
        )
    }

    static func submission(
        municipality: MunicipalityCode = enschede,
        category: CategoryCode = "afval.container",
        description: String = "Het deksel van de container sluit niet meer.",
        contact: ReporterContact? = Fixtures.contact,
        preference: NotificationPreference = Fixtures.everyStepByEmail,
        urgency: Urgency = .normal
    ) -> ReportSubmission {
        ReportSubmission(
            municipality: municipality,
            channel: .app,
            category: category,
            description: description,
            location: try! Location(latitude: 52.2215, longitude: 6.8937, address: "Oude Markt 11, Enschede", postcode: "7511GA"),
            photoURLs: ["https://photos.example.nl/lid.jpg"],
            contact: contact,
            notificationPreference: preference,
            urgency: urgency,
            externalReference: try! ExternalReference(system: "verbeterdebuurt", id: "VDB-1234")
        )
    }
}
