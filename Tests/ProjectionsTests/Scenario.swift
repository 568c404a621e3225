import EventLog
import Foundation
import HubTestSupport
import Postgres
import ReportDomain
import Reports

/// Many reports driven through `ReportCommandHandler`, together using every event type, with
/// the names the tests look them up by.
struct Scenario: Sendable {
    static let enschede: MunicipalityCode = "GM0153"
    static let rotterdam: MunicipalityCode = "GM0599"
    static let start = Date(timeIntervalSince1970: 1_772_352_000)  // 2026-03-01T08:00:00Z

    static let renewi = try! Party(id: "renewi", displayName: "Renewi", hasProcessingAgreement: false)
    static let lighting = try! Party(id: "spie", displayName: "de verlichtingsaannemer", hasProcessingAgreement: true)
    static let roteb = try! Party(id: "roteb", displayName: "Roteb", hasProcessingAgreement: false)
    static let stadsbeheer = try! Party(id: "stadsbeheer", displayName: "Stadsbeheer", hasProcessingAgreement: false)
    static let lightingDepartment = try! Department(code: "verlichting", name: "Openbare verlichting")
    static let johan = try! ReporterContact(name: "Johan de Vries", email: "johan@example.nl", phone: "06 12345678")

    /// Where the GPS tests search: reports stand 495 m and 505 m north of it.
    static let gpsCentre = (latitude: 52.2100, longitude: 6.8800)
    /// Metres per degree of latitude on the mean earth sphere the haversine uses.
    static let metresPerDegree = 6_371_008.8 * Double.pi / 180

    static let internalNote = "Materiaal besteld bij de leverancier, levertijd 3 dagen"
    static let reporterComment = "Ik woon op nummer 12, bel maar aan"
    static let feedbackText = "Snel opgelost, dank aan Johan van de buurtapp"
    static let rejectReason = "Niet ons contract, dit is de gemeentelijke reiniging"
    /// Stadsbeheer's work-order numbers for the Rotterdam report, the first replaced by the second.
    static let stadsbeheerWorkOrders = ["SB-2026-117", "SB-2026-118"]

    /// Each municipality's policy; Rotterdam labels "forwarded" its own way.
    static let policy: @Sendable (MunicipalityCode) -> MunicipalityPolicy = { code in
        var policy = MunicipalityPolicy(municipality: code)
        if code == rotterdam { policy.publicStatus.labels[.forwarded] = "Doorgestuurd naar {party}" }
        return policy
    }

    var container: ReportID = .generate()
    var lamp: ReportID = .generate()
    var duplicate: ReportID = .generate()
    var rotterdamReport: ReportID = .generate()
    var near495: ReportID = .generate()
    var far505: ReportID = .generate()
    var others: [ReportID] = []
    /// The last point appended.
    var lastPoint = LogPoint.start

    private var clock = 0.0

    mutating func at() -> Date {
        clock += 1
        return Self.start.addingTimeInterval(clock * 600)
    }

    @discardableResult
    mutating func act(
        _ handler: ReportCommandHandler, _ id: ReportID, _ actor: Actor, _ action: ReportAction, metadata: EventMetadata? = nil
    ) async throws -> ReportCommandHandler.Outcome {
        let municipality = id == rotterdamReport ? Self.rotterdam : Self.enschede
        let outcome = try await handler.handle(
            ReportCommand(reportID: id, actor: actor, issuedAt: at(), action: action), policy: Self.policy(municipality),
            metadata: metadata)
        if let point = outcome.appended.events.last?.point, point > lastPoint { lastPoint = point }
        return outcome
    }

    static func location(_ latitude: Double, _ longitude: Double, _ address: String?, _ postcode: String?) -> Location {
        try! Location(latitude: latitude, longitude: longitude, address: address, postcode: postcode)
    }

    /// The first part: submissions and the start of the handling.
    mutating func playFirstHalf(_ handler: ReportCommandHandler) async throws {
        let municipality = Self.enschede
        try await act(
            handler, container, .reporter,
            .submit(
                ReportSubmission(
                    municipality: municipality, channel: .app, category: "afval.container",
                    description: "Het deksel van de container sluit niet meer; de zakken liggen ernaast.",
                    location: Self.location(52.2215, 6.8937, "Hengelosestraat 12, Enschede", "7514 AE"),
                    photoURLs: ["https://example.org/photos/deksel.jpg"], contact: Self.johan,
                    notificationPreference: try NotificationPreference(level: .everyStep, channel: .email),
                    externalReference: try ExternalReference(system: "verbeterdebuurt", id: "VDB-1"))),
            metadata: EventMetadata(
                actor: "adapter:verbeterdebuurt", externalIDs: ["verbeterdebuurt": "VDB-1"], reporterTokenHash: String(repeating: "ab", count: 32)))
        try await act(
            handler, container, .municipalityUser(id: "karin"), .acknowledge,
            metadata: EventMetadata(actor: "adapter:melddesk", externalIDs: ["melddesk": "Z-2026-0042"]))
        try await act(handler, container, .municipalityUser(id: "karin"), .categorise("afval.container.deksel"))
        try await act(handler, container, .system(name: "routing"), .forward(Self.renewi))

        try await act(
            handler, lamp, .reporter,
            .submit(
                ReportSubmission(
                    municipality: municipality, channel: .phone, category: "verlichting",
                    description: "Lantaarnpaal brandt niet bij het fietspad, erg donker.",
                    location: Self.location(52.2301, 6.9002, "Oldenzaalsestraat 5, Enschede", "7511 DA"))))
        try await act(handler, lamp, .municipalityUser(id: "conny"), .assign(Self.lightingDepartment))
        try await act(handler, lamp, .municipalityUser(id: "conny"), .updateStatus(publicNote: nil, internalNote: Self.internalNote, workStarted: false))

        try await act(
            handler, duplicate, .reporter,
            .submit(
                ReportSubmission(
                    municipality: municipality, channel: .webForm, category: "afval.container",
                    description: "Container deksel kapot bij de bushalte",
                    location: Self.location(52.2216, 6.8939, "Hengelosestraat 14, Enschede", "7514 AE"))))

        try await act(
            handler, rotterdamReport, .reporter,
            .submit(
                ReportSubmission(
                    municipality: Self.rotterdam, channel: .email, category: "zwerfvuil",
                    description: "Zwerfvuil en glas op de stoep",
                    location: Self.location(51.9225, 4.4792, "Coolsingel 40, Rotterdam", "3011 AD"))))
        try await act(handler, rotterdamReport, .system(name: "routing"), .forward(Self.roteb))

        for (id, metres) in [(near495, 495.0), (far505, 505.0)] {
            try await act(
                handler, id, .reporter,
                .submit(
                    ReportSubmission(
                        municipality: municipality, channel: .app, category: "wegen.gat",
                        description: "Gat in het fietspad op \(Int(metres)) meter",
                        location: Self.location(Self.gpsCentre.latitude + metres / Self.metresPerDegree, Self.gpsCentre.longitude, nil, nil))))
        }
        for index in 0..<30 {
            let id = ReportID.generate()
            others.append(id)
            try await act(
                handler, id, .reporter,
                .submit(
                    ReportSubmission(
                        municipality: municipality, channel: index % 2 == 0 ? .app : .webForm,
                        category: index % 3 == 0 ? "groen" : "zwerfvuil",
                        description: "Melding nummer \(index): overhangende takken en afval",
                        location: Self.location(52.20 + Double(index) * 0.001, 6.85, "Parkweg \(index + 1), Enschede", "7513 BC"),
                        contact: index % 4 == 0 ? try ReporterContact(email: "melder\(index)@example.org") : nil,
                        urgency: index % 5 == 0 ? .high : .normal)))
        }
    }

    /// The second part: the rest of every report's life, including merge, erasure and reopening.
    mutating func playSecondHalf(_ handler: ReportCommandHandler) async throws {
        // The duplicate is bundled under the container report while the party has it.
        let (main, _) = try await handler.load(container)
        try await act(handler, duplicate, .municipalityUser(id: "karin"), .merge(into: main!))
        try await act(handler, container, .municipalityUser(id: "karin"), .attachDuplicate(duplicate))

        try await act(handler, container, .party(Self.renewi.id), .scheduleWork(on: Self.start.addingTimeInterval(3 * 86_400)))
        try await act(
            handler, container, .party(Self.renewi.id),
            .updateStatus(publicNote: "We komen donderdag langs", internalNote: Self.internalNote, workStarted: true))
        try await act(handler, container, .reporter, .addComment(Self.reporterComment, visibility: .public))
        try await act(
            handler, container, .party(Self.renewi.id),
            .completeWork(photoURL: "https://example.org/fixed/deksel.jpg", note: "Deksel vervangen"),
            metadata: EventMetadata(actor: "party:renewi", externalIDs: ["renewi": "WO-7781"]))
        try await act(handler, container, .municipalityUser(id: "conny"), .addComment("Intern: factuur volgt", visibility: .internal))
        try await act(handler, container, .municipalityUser(id: "conny"), .addComment("Bedankt voor uw melding", visibility: .public))
        try await act(handler, container, .municipalityUser(id: "conny"), .close(.resolved, publicNote: "Opgelost", internalNote: nil))
        try await act(handler, container, .reporter, .confirmResolution)
        try await act(handler, container, .reporter, .giveFeedback(score: 4, text: Self.feedbackText))
        try await act(
            handler, container, .reporter,
            .changeNotificationPreference(try NotificationPreference(level: .onlyResolution, channel: .sms), contact: try ReporterContact(phone: "0612345678")))
        try await act(handler, container, .municipalityUser(id: "privacy"), .erasePersonalData(reason: "verzoek van de melder"))

        try await act(handler, lamp, .municipalityUser(id: "conny"), .scheduleWork(on: Self.start.addingTimeInterval(86_400)))
        try await act(handler, lamp, .municipalityUser(id: "conny"), .close(.resolved, publicNote: "Lamp vervangen", internalNote: "Storing in kast 12"))
        try await act(handler, lamp, .reporter, .reopen(reason: "Lamp brandt nog steeds niet"))

        try await act(handler, rotterdamReport, .party(Self.roteb.id), .rejectWork(reason: Self.rejectReason))
        try await act(handler, rotterdamReport, .municipalityUser(id: "rob"), .forward(Self.stadsbeheer))
        // Stadsbeheer's system answers with its work-order number, answers again (nothing new),
        // then renumbers the order: the card index keeps both numbers, the report the latest.
        for number in Self.stadsbeheerWorkOrders + [Self.stadsbeheerWorkOrders[1]] {
            try await act(
                handler, rotterdamReport, .party(Self.stadsbeheer.id),
                .linkExternalID(try ExternalReference(system: Self.stadsbeheer.id.rawValue, id: number)))
        }
        try await act(
            handler, lamp, .municipalityUser(id: "conny"), .linkExternalID(try ExternalReference(system: "melddesk", id: "Z-2026-0077")))

        for (index, id) in others.enumerated() {
            switch index % 5 {
            case 0:
                try await act(handler, id, .municipalityUser(id: "kcc"), .acknowledge)
            case 1:
                try await act(handler, id, .system(name: "routing"), .forward(Self.lighting))
                try await act(handler, id, .party(Self.lighting.id), .completeWork(photoURL: nil, note: nil))
            case 2:
                try await act(handler, id, .municipalityUser(id: "kcc"), .close(.notMunicipalResponsibility, publicNote: "Particulier terrein", internalNote: nil))
            case 3:
                try await act(handler, id, .municipalityUser(id: "kcc"), .assign(Self.lightingDepartment))
                try await act(handler, id, .municipalityUser(id: "kcc"), .updateStatus(publicNote: "In behandeling genomen", internalNote: nil, workStarted: true))
            default:
                break
            }
        }
    }

    static func play(_ store: EventStore) async throws -> Scenario {
        var scenario = Scenario()
        let handler = ReportCommandHandler(store: store)
        try await scenario.playFirstHalf(handler)
        try await scenario.playSecondHalf(handler)
        return scenario
    }
}
