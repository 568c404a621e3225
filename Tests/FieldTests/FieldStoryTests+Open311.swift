import FieldSystems
import Foundation
import HubTestSupport
import Postgres
import Testing

extension FieldStoryTests {
    static let pothole = AppSubmission(
        category: "weg.gat", description: "Diep gat in het fietspad, vlak voor de brug.", latitude: 51.9225, longitude: 4.4792,
        address: "Coolsingel 40, Rotterdam", photoURLs: ["https://foto.verbeterdebuurt.example/gat.jpg"], reporterName: "Fatima Yilmaz",
        reporterEmail: "fatima@example.nl", notify: "every_step", municipality: "GM0599")

    @Test("An Open311 back end, connected by its file alone: the report becomes a request; an update made before the back end answered still names that request; its fixed comes back as resolved, its own updates are not sent back")
    func open311BackEnd() async throws {
        let field = try await FieldHarness.start(quickRetries: true)
        let app = field.stage.app, backEnd = field.stage.open311
        let pool = field.database.superuserPool(maxConnections: 1)

        // Down at first, so the reporter's comment is rendered before the back end has answered
        // with its service_request_id.
        backEnd.setAvailable(false)
        let report = try await app.submit(Self.pothole)
        try await app.comment(report.number, "Er staat nu water in.")
        let marked: PGQuery = """
            SELECT count(*) FROM hub.deliveries
             WHERE adapter = 'open311-rotterdam' AND report_id = \(UUID(uuidString: report.hubID)!) AND event_type = 'CommentAdded'
               AND their_id_marker IS NOT NULL AND position(their_id_marker IN body) > 0
            """
        try await field.eventually("the comment's update, waiting for the request's id") {
            try await pool.query(marked).decode(Int.self, row: 0, column: 0) == 1
        }
        #expect(backEnd.requests.isEmpty)

        backEnd.setAvailable(true)
        try await field.eventually("the back end has the comment on its request") {
            backEnd.request(forHubID: report.hubID)?.updatesReceived.count == 1
        }
        let request = try #require(backEnd.request(forHubID: report.hubID))
        #expect(request.serviceCode == "WEGDEK")
        #expect(request.description == Self.pothole.description)
        #expect(request.address == "Coolsingel 40, Rotterdam")
        #expect(request.mediaURL == "https://foto.verbeterdebuurt.example/gat.jpg")
        #expect(request.email == "fatima@example.nl")
        #expect(request.updatesReceived == ["OPEN: Er staat nu water in."])
        #expect(backEnd.rejectedKeys == 0)
        // The api_key went out with every request and is stored with none.
        let stored: PGQuery = "SELECT count(*) FROM hub.deliveries WHERE adapter = 'open311-rotterdam' AND body LIKE '%api_key%'"
        #expect(try await pool.query(stored).decode(Int.self, row: 0, column: 0) == 0)

        // The back office works on it and fixes it; the hub reads that by polling.
        backEnd.update(request.id, status: "in_progress", description: "De ploeg is onderweg.")
        try await field.eventually("the app shows it taken in hand") { app.report(report.number)?.status == "geaccepteerd" }
        backEnd.update(request.id, status: "fixed", description: "Gat gedicht.")
        try await field.eventually("the app shows it resolved") { app.report(report.number)?.status == "afgesloten" }
        #expect(app.report(report.number)?.statusText == "Opgelost")

        // The reporter disagrees: the back end hears it on the same request, with the reason.
        try await app.reopen(report.number, reason: "Het gat is er nog, alleen met zand gevuld.")
        try await field.eventually("the back end has the reopening") {
            backEnd.request(forHubID: report.hubID)?.updatesReceived.contains { $0.hasPrefix("REOPEN") } == true
        }
        let reopened = try #require(backEnd.request(forHubID: report.hubID))
        // Its own in_progress and fixed never came back to it as updates.
        #expect(reopened.updatesReceived == ["OPEN: Er staat nu water in.", "REOPEN: Het gat is er nog, alleen met zand gevuld."])
        #expect(reopened.status == "open")
        #expect(backEnd.requests.count == 1)
        await pool.close()
        try await field.stop()
    }

    @Test("The back office closing a request without fixing it is not resolved for the reporter")
    func open311ClosedIsNotFixed() async throws {
        let field = try await FieldHarness.start()
        let app = field.stage.app, backEnd = field.stage.open311
        let report = try await app.submit(Self.pothole)
        try await field.eventually("the back end's request") { backEnd.request(forHubID: report.hubID) != nil }
        let request = try #require(backEnd.request(forHubID: report.hubID))
        backEnd.update(request.id, status: "closed", description: "Melding gesloten.")
        try await field.eventually("the app shows it closed") { app.report(report.number)?.status == "afgesloten" }
        #expect(app.report(report.number)?.statusText != "Opgelost")
        try await field.stop()
    }
}
