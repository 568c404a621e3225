import FieldSystems
import Foundation
import Testing

/// The rules of DOMAIN.md, end to end: the hub as `hub serve` runs it, on a real PostgreSQL, with
/// the adapter files of adapters/ and the simulated systems talking real HTTP on 127.0.0.1.
@Suite("The systems from the field, connected", .serialized)
struct FieldStoryTests {
    static let container = AppSubmission(
        category: "afval.container", description: "Het deksel van de container sluit niet meer.", latitude: 52.2215, longitude: 6.8937,
        address: "Hengelosestraat 12, Enschede", postcode: "7514AE", photoURLs: ["https://foto.verbeterdebuurt.example/deksel.jpg"],
        reporterName: "Johan de Vries", reporterEmail: "johan@example.nl", notify: "every_step")
    static let streetLight = AppSubmission(
        category: "verlichting.lantaarnpaal", description: "De lantaarnpaal voor nummer 3 brandt niet.", latitude: 52.2230, longitude: 6.8950,
        address: "Oldenzaalsestraat 3, Enschede", postcode: "7511DZ", reporterName: "Karin Jansen", reporterEmail: "karin@example.nl",
        notify: "every_step")

    @Test("Forwarded is not handled: the app says forwarded to the collector until it reports done; then resolved, with the photo of the fix")
    func forwardedIsNotHandled() async throws {
        let field = try await FieldHarness.start()
        let app = field.stage.app, collector = field.stage.afvalTwente
        let report = try await app.submit(Self.container)
        try await field.eventually("the collector's work order") { collector.order(for: report.hubID) != nil }
        try await field.eventually("the app shows it forwarded") { app.report(report.number)?.status == "doorgezet" }
        #expect(app.report(report.number)?.statusText == "Doorgezet naar de afvalinzamelaar")

        try await collector.report(.scheduled, hubID: report.hubID, date: Date().addingTimeInterval(86_400))
        try await field.eventually("the app shows it scheduled") { app.report(report.number)?.status == "ingepland" }
        #expect(app.report(report.number)?.fixPhotoURL == nil)
        #expect(app.report(report.number)?.statuses.contains("opgelost") == false)

        let photo = "https://foto.afvaltwente.example/deksel-gerepareerd.jpg"
        try await collector.report(.done, hubID: report.hubID, note: "Nieuw scharnier", photoURL: photo)
        try await field.eventually("the app shows it resolved") { app.report(report.number)?.status == "opgelost" }
        #expect(app.report(report.number)?.fixPhotoURL == photo)
        // The case system followed without anyone typing: its case log has every step.
        let file = try #require(field.stage.melddesk.case(for: report.hubID))
        #expect(file.category == "AFV-CONTAINER")
        try await field.eventually("Melddesk's case log") { field.stage.melddesk.case(for: report.hubID)?.log.contains("gereed gemeld door de aannemer") == true }
        // The hub linked the collector's own order number and Melddesk's case number on the
        // report: the contact centre finds the report by either.
        let order = try #require(collector.order(for: report.hubID)?.number)
        for (system, number) in [("afval-twente", order), ("melddesk-enschede", file.number)] {
            let found = try await field.stage.hub.get("/api/v1/reports?external_system=\(system)&external_id=\(number)", bearer: FieldHarness.kccKey)
            #expect(found.status == 200)
            #expect(found.text.contains(report.hubID), "searching \(system) \(number): \(found.text)")
        }
        try await field.stop()
    }

    @Test("Melddesk closing the case for administrative reasons while the collector is not finished never tells the reporter resolved")
    func administrativeClosureIsNotResolved() async throws {
        let field = try await FieldHarness.start()
        let app = field.stage.app
        let report = try await app.submit(Self.container)
        try await field.eventually("the collector's work order") { field.stage.afvalTwente.order(for: report.hubID) != nil }
        try await field.stage.melddesk.setStatus("ADMINISTRATIEF_GESLOTEN", hubID: report.hubID, note: "Dubbel geregistreerd in Melddesk")
        try await field.eventually("the app shows it closed") { app.report(report.number)?.status == "afgesloten" }
        try await field.eventually("the collector is told to stop") {
            field.stage.afvalTwente.order(for: report.hubID)?.received.contains("actie INTREKKEN") == true
        }
        let shown = try #require(app.report(report.number))
        #expect(!shown.statuses.contains("opgelost"))
        #expect(!shown.notifications.contains { $0.lowercased().contains("opgelost") })
        try await field.stop()
    }

    @Test("The reporter's notification choice is honoured: none, only the resolution, every step")
    func notificationChoices() async throws {
        let field = try await FieldHarness.start()
        let app = field.stage.app, collector = field.stage.afvalTwente
        var reports: [String: AppReport] = [:]
        for choice in ["none", "only_resolution", "every_step"] {
            var submission = Self.container
            submission.notify = choice
            let report = try await app.submit(submission)
            reports[choice] = report
            try await field.eventually("the work order") { collector.order(for: report.hubID) != nil }
            try await collector.report(.scheduled, hubID: report.hubID, date: Date().addingTimeInterval(86_400))
            try await collector.report(.done, hubID: report.hubID, photoURL: "https://foto.afvaltwente.example/\(choice).jpg")
        }
        for report in reports.values {
            try await field.eventually("the app shows \(report.number) resolved") { app.report(report.number)?.status == "opgelost" }
        }
        // Every status reached the app; only the chosen ones reached the reporter.
        for report in reports.values {
            #expect(app.report(report.number)?.statuses == ["nieuw", "doorgezet", "ingepland", "opgelost"])
        }
        #expect(app.report(reports["none"]!.number)?.notifications == [])
        #expect(app.report(reports["only_resolution"]!.number)?.notifications == ["Opgelost"])
        #expect(app.report(reports["every_step"]!.number)?.notifications == [
            "Ontvangen door de gemeente", "Doorgezet naar de afvalinzamelaar", "Ingepland", "Opgelost",
        ])
        try await field.stop()
    }

    @Test("A municipality that switched notifications off: statuses still flow back, the reporter gets no message")
    func municipalitySwitchedNotificationsOff() async throws {
        let field = try await FieldHarness.start(configure: { $0.replacingOccurrences(of: "notifications: true", with: "notifications: false") })
        let app = field.stage.app, collector = field.stage.afvalTwente
        let report = try await app.submit(Self.container)
        try await field.eventually("the work order") { collector.order(for: report.hubID) != nil }
        try await collector.report(.done, hubID: report.hubID, photoURL: "https://foto.afvaltwente.example/klaar.jpg")
        try await field.eventually("the app shows it resolved") { app.report(report.number)?.status == "opgelost" }
        #expect(app.report(report.number)?.notifications == [])
        #expect(app.report(report.number)?.statuses.count == 3)
        try await field.stop()
    }

    @Test("The reporter reopens: it reaches the collector again; then confirms, and the case system knows")
    func reopenAndConfirm() async throws {
        let field = try await FieldHarness.start()
        let app = field.stage.app, collector = field.stage.afvalTwente
        let report = try await app.submit(Self.container)
        try await field.eventually("the work order") { collector.order(for: report.hubID) != nil }
        try await collector.report(.done, hubID: report.hubID, photoURL: "https://foto.afvaltwente.example/1.jpg")
        try await field.eventually("resolved") { app.report(report.number)?.status == "opgelost" }
        try await app.reopen(report.number, reason: "Het deksel klemt nog steeds")
        try await field.eventually("the collector has it again") { collector.order(for: report.hubID)?.received == ["actie OPDRACHT", "actie NOGMAALS"] }
        // One work order, the same number: the collector's system recognises the report.
        #expect(collector.orders.filter { $0.hubID == report.hubID }.count == 1)
        try await collector.report(.done, hubID: report.hubID, photoURL: "https://foto.afvaltwente.example/2.jpg")
        try await field.eventually("resolved again") { app.report(report.number)?.fixPhotoURL == "https://foto.afvaltwente.example/2.jpg" }
        try await app.confirm(report.number)
        try await field.eventually("Melddesk knows it is confirmed") {
            field.stage.melddesk.case(for: report.hubID)?.log.contains("de melder bevestigt: opgelost") == true
        }
        try await field.stop()
    }

    @Test("Duplicates: a second report next door is merged into the first, and its reporter follows the main report, in the app's own numbers")
    func duplicatesFollowTheirMainReport() async throws {
        let field = try await FieldHarness.start()
        let app = field.stage.app, collector = field.stage.afvalTwente
        let main = try await app.submit(Self.container)
        var nextDoor = Self.container
        nextDoor.address = "Hengelosestraat 11, Enschede"
        nextDoor.description = "Container bij nummer 11: deksel kapot."
        nextDoor.reporterName = "Fatima El Amrani"
        nextDoor.reporterEmail = "fatima@example.nl"
        nextDoor.notify = "only_resolution"
        let duplicate = try await app.submit(nextDoor)
        try await field.eventually("both work orders") {
            collector.order(for: main.hubID) != nil && collector.order(for: duplicate.hubID) != nil
        }

        let merged = try await field.stage.hub.post(
            "/api/v1/reports/\(duplicate.hubID)/merge", json: ["into": main.hubID], bearer: FieldHarness.kccKey)
        #expect(merged.status == 200, "\(merged.text)")
        try await field.eventually("the app shows the merge") { app.report(duplicate.number)?.status == "dubbel" }
        // The collector drops the duplicate's order: the main report's covers both containers.
        try await field.eventually("the collector withdraws the duplicate's order") {
            collector.order(for: duplicate.hubID)?.received == ["actie OPDRACHT", "actie INTREKKEN"]
        }

        let photo = "https://foto.afvaltwente.example/deksel-11-12.jpg"
        try await collector.report(.scheduled, hubID: main.hubID, date: Date().addingTimeInterval(86_400))
        try await collector.report(.done, hubID: main.hubID, note: "Beide deksels vervangen", photoURL: photo)
        try await field.eventually("the duplicate's reporter sees it resolved") { app.report(duplicate.number)?.status == "opgelost" }
        let shown = try #require(app.report(duplicate.number))
        #expect(shown.hubID == duplicate.hubID, "the app hears of it under the duplicate's own hub id")
        #expect(shown.fixPhotoURL == photo)
        #expect(shown.statuses.suffix(3) == ["dubbel", "ingepland", "opgelost"], "\(shown.statuses)")
        // She chose to hear of the resolution only: one message, the main report's.
        #expect(shown.notifications == ["Opgelost"])
        try await field.eventually("the main report resolved") { app.report(main.number)?.status == "opgelost" }
        #expect(app.report(main.number)?.notifications.last == "Opgelost")
        // The hub's own view agrees: the duplicate keeps its number and shows the main report's status.
        let seen = try await field.stage.hub.get("/api/v1/reports/\(duplicate.hubID)", bearer: FieldHarness.kccKey)
        #expect(seen.text.contains(main.hubID))
        try await field.stop()
    }

    @Test("Melddesk routes: the collector sends a report back as not ours; the back office corrects the category and routes it to Lichtpunt")
    func caseSystemRoutes() async throws {
        let field = try await FieldHarness.start()
        let app = field.stage.app, collector = field.stage.afvalTwente, lighting = field.stage.lichtpunt, melddesk = field.stage.melddesk
        var wrongCategory = Self.container
        wrongCategory.description = "De lamp boven de containers brandt niet meer."
        let report = try await app.submit(wrongCategory)
        try await field.eventually("the collector's work order") { collector.order(for: report.hubID) != nil }
        try await collector.report(.notOurs, hubID: report.hubID, note: "Dit gaat over de lantaarnpaal, niet over de container")
        try await field.eventually("Melddesk sees it back") { melddesk.case(for: report.hubID)?.log.count ?? 0 >= 3 }

        // An unknown party or category is refused with what is known, and changes nothing.
        do {
            _ = try await melddesk.setStatus("DOORZETTEN", hubID: report.hubID, handler: "wegenbouwer")
            Issue.record("the hub accepted a party it does not know")
        } catch let refusal as FieldSystemError {
            #expect(refusal.status == 400, "\(refusal)")
            #expect(refusal.detail.contains("known: afval-twente, lichtpunt"), "\(refusal)")
        }

        _ = try await melddesk.setStatus("HERCATEGORISEREN", hubID: report.hubID, category: "OV-LICHTPUNT")
        _ = try await melddesk.setStatus("DOORZETTEN", hubID: report.hubID, note: "Lamp boven de containers", handler: "lichtpunt")
        try await field.eventually("Lichtpunt's work order") { lighting.order(for: report.hubID) != nil }
        try await field.eventually("the app shows it with Lichtpunt") {
            app.report(report.number)?.statusText == "Doorgezet naar de verlichtingsaannemer"
        }
        #expect(lighting.order(for: report.hubID)?.received.first == "werkorder.nieuw NIEUW")
        // Lichtpunt names reports by its own number: wait until the hub linked it from the answer.
        let order = try #require(lighting.order(for: report.hubID)?.number)
        try await field.eventually("the hub knows Lichtpunt's number") {
            try await field.stage.hub.get("/api/v1/reports?external_system=lichtpunt&external_id=\(order)", bearer: FieldHarness.kccKey)
                .text.contains(report.hubID)
        }
        try await lighting.report(.done, hubID: report.hubID, photoURL: "https://foto.lichtpunt.example/lamp.jpg")
        try await field.eventually("resolved") { app.report(report.number)?.status == "opgelost" }
        let seen = try await field.stage.hub.get("/api/v1/reports/\(report.hubID)", bearer: FieldHarness.kccKey)
        #expect(seen.text.contains("verlichting.lantaarnpaal"))
        try await field.stop()
    }

    @Test("Each party sees only its own reports, and personal data only with a processing agreement")
    func partiesSeeOnlyTheirOwn() async throws {
        let field = try await FieldHarness.start()
        let app = field.stage.app, collector = field.stage.afvalTwente, lighting = field.stage.lichtpunt
        let waste = try await app.submit(Self.container)
        let light = try await app.submit(Self.streetLight)
        try await field.eventually("both work orders") { collector.order(for: waste.hubID) != nil && lighting.order(for: light.hubID) != nil }
        try await field.eventually("Melddesk has both cases") { field.stage.melddesk.cases.count == 2 }
        // The lighting contractor never received the waste report, and cannot ask for it.
        #expect(lighting.order(for: waste.hubID) == nil)
        #expect(!lighting.deliveredBodies.contains { $0.contains(waste.hubID) })
        let asked = try await field.stage.hub.get("/api/v1/reports/\(waste.hubID)", bearer: "hub_demo_lichtpunt")
        #expect(asked.status == 404)
        #expect(collector.order(for: light.hubID) == nil)
        // Afval Twente has no processing agreement: not a trace of Johan; Lichtpunt has one and
        // gets Karin's name; the municipality's own case system gets the whole report.
        #expect(!collector.deliveredBodies.isEmpty)
        for body in collector.deliveredBodies {
            #expect(!body.contains("Johan") && !body.contains("johan@example.nl"))
        }
        #expect(lighting.order(for: light.hubID)?.reporterName == "Karin Jansen")
        #expect(field.stage.melddesk.case(for: waste.hubID)?.reporterName == "Johan de Vries")
        try await field.stop()
    }

    @Test("A contractor that was down gets its backlog in order when it is back; the others were not slowed")
    func backlogAfterDowntime() async throws {
        let field = try await FieldHarness.start(quickRetries: true)
        let app = field.stage.app, collector = field.stage.afvalTwente, lighting = field.stage.lichtpunt
        lighting.setAvailable(false)
        let light = try await app.submit(Self.streetLight)
        let note = try await field.stage.hub.post(
            "/api/v1/reports/\(light.hubID)/comments", json: ["text": "Paal staat scheef, hoogwerker nodig", "visibility": "internal"],
            bearer: FieldHarness.kccKey)
        #expect(note.status == 201 || note.status == 200)
        let waste = try await app.submit(Self.container)
        try await field.eventually("the collector's order, while Lichtpunt is down", timeout: .seconds(5)) { collector.order(for: waste.hubID) != nil }
        try await Task.sleep(for: .milliseconds(500))
        #expect(lighting.orders.isEmpty)

        lighting.setAvailable(true)
        try await field.eventually("Lichtpunt's backlog") { lighting.order(for: light.hubID)?.received.count == 2 }
        #expect(lighting.order(for: light.hubID)?.received == ["werkorder.nieuw NIEUW", "werkorder.wijziging OPMERKING"])
        try await field.stop()
    }
}

extension FieldStoryTests {
    @Test("An idea from the app reaches the case system and no contractor; the municipality's answer flows back")
    func ideaFromTheApp() async throws {
        let field = try await FieldHarness.start()
        let app = field.stage.app
        let idea = try await app.submitIdea(
            "Zet een bankje bij de speeltuin", latitude: 52.2201, longitude: 6.8901, address: "Pathmossingel 50, Enschede", reporterName: "Johan")
        try await field.eventually("Melddesk's case for the idea") { field.stage.melddesk.case(for: idea.hubID) != nil }
        #expect(field.stage.melddesk.case(for: idea.hubID)?.category == "IDEE")
        try await field.stage.melddesk.setStatus("AFGEHANDELD", hubID: idea.hubID, note: "Het bankje komt er in het voorjaar")
        try await field.eventually("the app shows the answer") { app.report(idea.number)?.status == "afgesloten" }
        #expect(app.report(idea.number)?.notifications.count == 1)
        #expect(field.stage.lichtpunt.orders.isEmpty && field.stage.afvalTwente.orders.isEmpty)
        try await field.stop()
    }
}
