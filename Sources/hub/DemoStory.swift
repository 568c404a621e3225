import FieldSystems
import Foundation

/// The waste-container story of DOMAIN.md, played through the simulated systems: nobody types
/// anything twice, and every system shows the same status at the end.
struct DemoStory: Sendable {
    let stage: FieldStage
    let printer: TimelinePrinter

    /// Plays the story; the hub's id of Johan's report.
    @discardableResult
    func play() async throws -> String {
        let app = stage.app, collector = stage.afvalTwente, melddesk = stage.melddesk
        printer.narrate("1. Johan reports in the Verbeterdebuurt app that the lid of the waste container in his street won't close.")
        let report = try await app.submit(AppSubmission(
            category: "afval.container", description: "Het deksel van de container sluit niet meer.",
            latitude: 52.2215, longitude: 6.8937, address: "Hengelosestraat 12, Enschede", postcode: "7514AE",
            photoURLs: ["https://foto.verbeterdebuurt.example/deksel.jpg"], reporterName: "Johan", reporterEmail: "johan@example.nl",
            notify: "every_step"))
        try await until("Melddesk has the case") { melddesk.case(for: report.hubID) != nil }
        try await until("Afval Twente has the work order") { collector.order(for: report.hubID) != nil }
        try await until("the app shows it forwarded") { app.report(report.number)?.status == "doorgezet" }

        printer.narrate("2. The collector plans the repair for tomorrow.")
        try await collector.report(.scheduled, hubID: report.hubID, date: Date().addingTimeInterval(86_400), note: "Monteur komt morgen langs")
        try await until("the app shows it scheduled") { app.report(report.number)?.status == "ingepland" }

        printer.narrate("3. The collector reports it done, with a photo of the repaired lid.")
        try await collector.report(
            .done, hubID: report.hubID, note: "Nieuw scharnier geplaatst", photoURL: "https://foto.afvaltwente.example/deksel-gerepareerd.jpg")
        try await until("the app shows it resolved") { app.report(report.number)?.fixPhotoURL != nil }

        printer.narrate("4. Johan looks: the lid still sticks. He reopens the report; it goes back to the collector.")
        try await app.reopen(report.number, reason: "Het deksel klemt nog steeds")
        try await until("the collector has it again") { (collector.order(for: report.hubID)?.received.count ?? 0) >= 2 }
        try await collector.report(.done, hubID: report.hubID, note: "Scharnier vervangen en afgesteld", photoURL: "https://foto.afvaltwente.example/deksel-2.jpg")
        try await until("the app shows it resolved again") { (app.report(report.number)?.statuses.filter { $0 == "opgelost" }.count ?? 0) >= 2 }

        printer.narrate("5. Johan confirms it is fixed.")
        try await app.confirm(report.number)
        try await until("Melddesk knows") { melddesk.case(for: report.hubID)?.log.last?.contains("bevestigt") == true }

        let pothole = try await playOpen311()

        let shown = app.report(report.number), order = collector.order(for: report.hubID), file = melddesk.case(for: report.hubID)
        printer.narrate("""
            Every system now shows the same outcome, and nobody re-typed anything:
              Verbeterdebuurt  \(shown?.number ?? "?"): \(shown?.status ?? "?") "\(shown?.statusText ?? "")", photo \(shown?.fixPhotoURL ?? "none")
              Melddesk         case \(file?.number ?? "?"): \(file?.log.last ?? "?")
              Afval Twente     order \(order?.number ?? "?"): \(order?.status ?? "?") (it never saw Johan's name or e-mail: no processing agreement)
              Johan's phone    \(shown?.notifications.count ?? 0) push messages, one per step he chose to hear about
              Rotterdam        request \(pothole.request): \(pothole.status), Fatima's app says "\(pothole.appText)"
            The hub's log holds every step; the history an auditor replays:
              \(stage.hub.baseURL)/api/v1/reports/\(report.hubID)/history   (Authorization: Bearer hub_demo_kcc_enschede)
            """)
        return report.hubID
    }

    /// Rotterdam's case system is an Open311 back end: the hub is its client by configuration
    /// alone. The request's number, its status there, and what the reporter's app shows.
    private func playOpen311() async throws -> (request: String, status: String, appText: String) {
        let app = stage.app, backEnd = stage.open311
        printer.narrate("6. In Rotterdam, Fatima reports a pothole in the same app. Rotterdam's case system speaks Open311: the hub posts it there as a request.")
        let report = try await app.submit(AppSubmission(
            category: "weg.gat", description: "Diep gat in het fietspad, vlak voor de brug.", latitude: 51.9225, longitude: 4.4792,
            address: "Coolsingel 40, Rotterdam", reporterName: "Fatima", reporterEmail: "fatima@example.nl", notify: "every_step",
            municipality: "GM0599"))
        try await app.comment(report.number, "Er staat nu water in.")
        try await until("the back end has the request and the comment") {
            backEnd.request(forHubID: report.hubID)?.updatesReceived.isEmpty == false
        }
        let request = backEnd.request(forHubID: report.hubID)?.id ?? "?"
        printer.narrate("7. Rotterdam's back office fixes it in its own system; the hub reads that from the back end's updates.")
        backEnd.update(request, status: "fixed", description: "Gat gedicht met asfalt.")
        try await until("the app shows it resolved") { app.report(report.number)?.status == "afgesloten" }
        return (request, backEnd.request(forHubID: report.hubID)?.status ?? "?", app.report(report.number)?.statusText ?? "?")
    }

    private func until(_ what: String, _ condition: () -> Bool) async throws {
        try await stage.waitUntil(what, timeout: .seconds(30)) { condition() }
    }
}
