import Adapters
import Foundation
import ReportDomain
import Testing

/// Their JSON in, our command out — or a rejection that says exactly what is wrong.
@Suite struct InboundMapperTests {
    func lichtpunt() throws -> InboundMapper {
        InboundMapper(adapter: try AdapterFixtures.adapter("lichtpunt"))
    }

    func body(_ object: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: object)
    }

    func message(_ mapper: InboundMapper, _ object: [String: Any]) throws -> InboundMessage {
        try mapper.message(from: try body(object), webhookID: "msg_1").get()
    }

    func rejection(_ mapper: InboundMapper, _ data: Data) -> InboundRejection? {
        if case .failure(let rejection) = mapper.message(from: data) { return rejection }
        return nil
    }

    @Test func eachLichtpuntStatusMapsToItsAction() throws {
        let mapper = try lichtpunt()
        let planned = try message(mapper, ["werkorder": "WO-1", "status": "GEPLAND", "gepland_op": "2025-11-26", "mutatie_id": 7])
        #expect(planned.action == .schedule)
        #expect(planned.report == .externalID("WO-1"))
        #expect(planned.messageID == "7")
        let expected = try Date("2025-11-26T11:00:00Z", strategy: .iso8601)
        #expect(planned.expectedDate == expected)

        let started = try message(mapper, ["werkorder": "WO-1", "status": "IN_UITVOERING", "mutatie_id": "8"])
        #expect(started.action == .startWork)
        #expect(started.publicText == "De verlichtingsaannemer is met de reparatie bezig.")

        let done = try message(mapper, [
            "werkorder": "WO-1", "status": "GEREED", "mutatie_id": "9", "foto_url": "https://lichtpunt.example/foto/9.jpg",
            "opmerking": "Lamp vervangen", "tijdstip": "2025-11-26T14:30:00+01:00",
        ])
        #expect(done.action == .partyDone)
        #expect(done.photoURL == "https://lichtpunt.example/foto/9.jpg")
        #expect(done.note == "Lamp vervangen")
        #expect(done.updatedAt == (try Date("2025-11-26T13:30:00Z", strategy: .iso8601)))

        let rejected = try message(mapper, ["werkorder": "WO-1", "status": "NIET_ONS", "mutatie_id": "10", "reden": "Paal van Enexis"])
        #expect(rejected.action == .rejectWork)
        #expect(rejected.reason == "Paal van Enexis")
    }

    @Test func melddeskCodesMapIncludingTheClosureReason() throws {
        let mapper = InboundMapper(adapter: try AdapterFixtures.adapter("melddesk-enschede"))
        let id = ReportID.generate()
        let closed = try mapper.message(from: try body(["meldingId": id.description, "status": "ADMINISTRATIEF_GESLOTEN", "mutatieId": "m1"])).get()
        #expect(closed.report == .hubID(id))
        #expect(closed.action == .close)
        #expect(closed.closureReason == .administrative)
        let taken = try mapper.message(from: try body(["meldingId": id.description, "status": "IN_BEHANDELING", "mutatieId": "m2"])).get()
        #expect(taken.action == .acknowledge)
    }

    @Test func everyRejectionSaysWhatIsWrong() throws {
        let mapper = try lichtpunt()
        #expect(rejection(mapper, Data("<xml/>".utf8)) == InboundRejection(code: .notJSON, message: "the body is not JSON"))
        #expect(rejection(mapper, try body(["werkorder": "WO-1", "mutatie_id": "1"]))
            == InboundRejection(code: .missingField, message: "missing field /status (the status)"))
        #expect(rejection(mapper, try body(["werkorder": "WO-1", "mutatie_id": "1", "status": "KLAAR"]))
            == InboundRejection(code: .unknownStatus, message: "unknown status code \"KLAAR\" at /status; known codes: GEPLAND, GEREED, IN_UITVOERING, NIET_ONS, OPMERKING"))
        #expect(rejection(mapper, try body(["status": "GEREED", "mutatie_id": "1"]))
            == InboundRejection(code: .missingField, message: "missing field /werkorder (your id of the report)"))
        #expect(rejection(mapper, try body(["werkorder": "WO-1", "status": "GEPLAND", "mutatie_id": "1"]))
            == InboundRejection(code: .missingField, message: "status \"GEPLAND\" means schedule, which needs the planned date at /gepland_op"))
        #expect(rejection(mapper, try body(["werkorder": "WO-1", "status": "GEPLAND", "mutatie_id": "1", "gepland_op": "volgende week"]))?.code == .invalidField)
        #expect(rejection(mapper, try body(["werkorder": "WO-1", "status": "NIET_ONS", "mutatie_id": "1"]))
            == InboundRejection(code: .missingField, message: "status \"NIET_ONS\" means reject, which needs a reason at /reden"))
        #expect(rejection(mapper, try body(["werkorder": "WO-1", "status": "GEREED", "mutatie_id": "1", "foto_url": "foto.jpg"]))?.code == .invalidField)
        #expect(rejection(mapper, try body(["werkorder": "WO-1", "status": "GEREED"]))
            == InboundRejection(code: .missingField, message: "missing field /mutatie_id (the message id)"))

        let melddesk = InboundMapper(adapter: try AdapterFixtures.adapter("melddesk-enschede"))
        #expect(rejection(melddesk, try body(["meldingId": "1234", "status": "NIEUW", "mutatieId": "m"]))
            == InboundRejection(code: .invalidField, message: "/meldingId must be the hub's report id (a UUID), but was \"1234\""))
        let app = InboundMapper(adapter: try AdapterFixtures.adapter("verbeterdebuurt"))
        #expect(rejection(app, try body(["status": "x"]))?.code == .notConfigured)
    }

    @Test func messagesBecomeThePartysCommands() throws {
        let mapper = try lichtpunt()
        let story = try AdapterFixtures.story(forwardTo: AdapterFixtures.lichtpunt)
        let received = AdapterFixtures.start.addingTimeInterval(3600)

        let done = try message(mapper, ["werkorder": "WO-1", "status": "GEREED", "mutatie_id": "9", "foto_url": "https://lichtpunt.example/9.jpg", "opmerking": "Lamp vervangen"])
        let command = try #require(try mapper.command(for: done, report: story.report, receivedAt: received).get())
        #expect(command.actor == .party("lichtpunt"))
        #expect(command.reportID == story.report.id)
        #expect(command.issuedAt == received)
        #expect(command.action == .completeWork(photoURL: "https://lichtpunt.example/9.jpg", note: "Lamp vervangen"))
        // The domain agrees.
        let events = try Report.decide(command, state: story.report, policy: story.policy)
        #expect(events.map(\.eventType) == ["WorkCompletedByParty"])

        let reject = try message(mapper, ["werkorder": "WO-1", "status": "NIET_ONS", "mutatie_id": "10", "reden": "Paal van Enexis"])
        #expect(try mapper.command(for: reject, report: story.report, receivedAt: received).get()?.action == .rejectWork(reason: "Paal van Enexis"))

        let started = try message(mapper, ["werkorder": "WO-1", "status": "IN_UITVOERING", "mutatie_id": "11", "tijdstip": "2025-11-24T17:00:00Z"])
        let startCommand = try #require(try mapper.command(for: started, report: story.report, receivedAt: received).get())
        #expect(startCommand.action == .updateStatus(publicNote: "De verlichtingsaannemer is met de reparatie bezig.", internalNote: nil, workStarted: true))
        #expect(startCommand.issuedAt == (try Date("2025-11-24T17:00:00Z", strategy: .iso8601)))
    }

    @Test func aPartyCannotTouchAnotherPartysReport() throws {
        let mapper = try lichtpunt()
        let theirs = try AdapterFixtures.story(forwardTo: AdapterFixtures.afvalTwente)
        let done = try message(mapper, ["werkorder": "WO-1", "status": "GEREED", "mutatie_id": "9"])
        let result = mapper.command(for: done, report: theirs.report, receivedAt: AdapterFixtures.start)
        #expect(throws: InboundRejection(code: .outOfScope, message: "the report was never forwarded to party lichtpunt")) { try result.get() }
    }

    @Test func aCaseSystemRepeatingAStatusChangesNothing() throws {
        let mapper = InboundMapper(adapter: try AdapterFixtures.adapter("melddesk-enschede"))
        var story = try AdapterFixtures.story(category: "weg.gat")
        let taken = try mapper.message(from: try body(["meldingId": story.report.id.description, "status": "IN_BEHANDELING", "mutatieId": "m1"])).get()
        let first = try #require(try mapper.command(for: taken, report: story.report, receivedAt: AdapterFixtures.start.addingTimeInterval(60)).get())
        #expect(first.action == .acknowledge)
        #expect(first.actor == .system(name: "melddesk-enschede"))
        try story.apply(first.action, by: first.actor, at: 60)
        #expect(try mapper.command(for: taken, report: story.report, receivedAt: AdapterFixtures.start.addingTimeInterval(120)).get() == nil)

        let ignored = try mapper.message(from: try body(["meldingId": story.report.id.description, "status": "NIEUW", "mutatieId": "m0"])).get()
        #expect(try mapper.command(for: ignored, report: story.report, receivedAt: AdapterFixtures.start).get() == nil)

        let rotterdam = try AdapterFixtures.story(municipality: "GM0599", category: "weg.gat")
        #expect(throws: InboundRejection.self) {
            try mapper.command(for: taken, report: rotterdam.report, receivedAt: AdapterFixtures.start).get()
        }
    }

    @Test func aCaseSystemCorrectsTheCategoryAndRoutesToAParty() throws {
        let lighting = try Party(id: "lichtpunt", displayName: "de verlichtingsaannemer", hasProcessingAgreement: true)
        let mapper = InboundMapper(adapter: try AdapterFixtures.adapter("melddesk-enschede"), parties: [lighting.id: lighting])
        var story = try AdapterFixtures.story(category: "weg.gat")
        let id = story.report.id.description
        let recategorised = try mapper.message(from: try body(["meldingId": id, "status": "HERCATEGORISEREN", "mutatieId": "m1", "categorie": "OV-LICHTPUNT"])).get()
        let categorise = try #require(try mapper.command(for: recategorised, report: story.report, receivedAt: AdapterFixtures.start).get())
        #expect(categorise.action == .categorise("verlichting.lantaarnpaal"))
        try story.apply(categorise.action, by: categorise.actor, at: 30)
        // Sent again: the report is in that category already.
        #expect(try mapper.command(for: recategorised, report: story.report, receivedAt: AdapterFixtures.start).get() == nil)

        let routed = try mapper.message(from: try body(["meldingId": id, "status": "DOORZETTEN", "mutatieId": "m2", "behandelaar": "lichtpunt"])).get()
        let forward = try #require(try mapper.command(for: routed, report: story.report, receivedAt: AdapterFixtures.start).get())
        #expect(forward.action == .forward(lighting))
        try story.apply(forward.action, by: forward.actor, at: 60)
        #expect(try mapper.command(for: routed, report: story.report, receivedAt: AdapterFixtures.start).get() == nil)

        #expect(rejection(mapper, try body(["meldingId": id, "status": "DOORZETTEN", "mutatieId": "m3", "behandelaar": "wegenbouwer"]))
            == InboundRejection(code: .invalidField, message: "/behandelaar is \"wegenbouwer\", which is no party of the hub; known: lichtpunt"))
        #expect(rejection(mapper, try body(["meldingId": id, "status": "DOORZETTEN", "mutatieId": "m4"]))
            == InboundRejection(code: .missingField, message: "status \"DOORZETTEN\" means forward, which needs the party at /behandelaar"))
        #expect(rejection(mapper, try body(["meldingId": id, "status": "HERCATEGORISEREN", "mutatieId": "m5", "categorie": "ONBEKEND"]))?.code == .invalidField)
    }

    @Test func aPolledPageReadsEachUpdateOnItsOwn() throws {
        let yaml = """
            name: straatwerk
            municipalities: [GM0153]
            inbound:
              secret_env: TEST_SECRET
              message_id: /id
              report: { hub_id: /melding }
              status: /status
            polling:
              url: https://straatwerk.example/updates
              interval: 5m
              cursor_parameter: sinds
              next_cursor: /volgende
              items: /updates
            statuses:
              inbound:
                OPGEPAKT: acknowledge
            """
        let adapter = try AdapterDefinition.parse(
            yaml: yaml, file: "/srv/adapters/straatwerk.yaml", configuration: AdapterFixtures.configuration, environment: AdapterFixtures.environment)
        #expect(adapter.polling?.interval == .seconds(300))
        let id = ReportID.generate()
        let page = try InboundMapper(adapter: adapter).page(from: try JSONSerialization.data(withJSONObject: [
            "updates": [["id": 1, "melding": id.description, "status": "OPGEPAKT"], ["id": 2, "melding": id.description, "status": "WEG"]],
            "volgende": "abc",
        ])).get()
        #expect(page.nextCursor == "abc")
        #expect(try page.items[0].get().action == .acknowledge)
        #expect(throws: InboundRejection(code: .unknownStatus, message: "update 1: unknown status code \"WEG\" at /status; known codes: OPGEPAKT")) {
            try page.items[1].get()
        }
    }

    /// Open311's `servicerequestupdates.json?start_date=` answers a bare list; the next start is
    /// the last update's time.
    @Test func aPollThatPagesByTimeTakesItsCursorFromTheLastUpdate() throws {
        let yaml = """
            name: open311-backend
            municipalities: [GM0153]
            inbound:
              secret_env: TEST_SECRET
              message_id: /update_id
              report: { hub_id: /service_request_id }
              status: /status
              updated_at: /updated_datetime
            polling:
              url: https://open311.example/v2/servicerequestupdates.json
              interval: 1m
              cursor_parameter: start_date
              next_cursor_in_last_item: /updated_datetime
            statuses:
              inbound:
                open: ignore
                closed: { action: close, closure: resolved }
            """
        let adapter = try AdapterDefinition.parse(
            yaml: yaml, file: "/srv/adapters/open311-backend.yaml", configuration: AdapterFixtures.configuration,
            environment: AdapterFixtures.environment)
        let id = ReportID.generate().description
        let list = try JSONSerialization.data(withJSONObject: [
            ["update_id": "u1", "service_request_id": id, "status": "open", "updated_datetime": "2026-11-23T10:00:00+01:00"],
            ["update_id": "u2", "service_request_id": id, "status": "closed", "updated_datetime": "2026-11-23T11:30:00+01:00"],
        ])
        let mapper = InboundMapper(adapter: adapter)
        let page = try mapper.page(from: list).get()
        #expect(page.nextCursor == "2026-11-23T11:30:00+01:00")
        #expect(try page.items[1].get().closureReason == .resolved)
        #expect(try mapper.pageItems(from: list).get().nextCursor == "2026-11-23T11:30:00+01:00")
        // Nothing new: no cursor, and the poller asks again from where it was.
        #expect(try mapper.page(from: Data("[]".utf8)).get().nextCursor == nil)

        let both = yaml.replacingOccurrences(of: "  interval: 1m", with: "  interval: 1m\n  next_cursor: /next")
        #expect(throws: AdapterFileError.self) {
            try AdapterDefinition.parse(
                yaml: both, file: "/srv/adapters/open311-backend.yaml", configuration: AdapterFixtures.configuration,
                environment: AdapterFixtures.environment)
        }
    }
}
