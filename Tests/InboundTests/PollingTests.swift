import Adapters
import Curl
import EventLog
import Foundation
import HTTPTypes
import HubConfig
import HubTestSupport
import Hummingbird
import Inbound
import NIOCore
import Postgres
import ReportDomain
import Reports
import Synchronization
import Testing

@Suite("Polling a system without webhooks", .serialized)
struct PollingTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let configuration = try! HubConfiguration.load(path: repository.appendingPathComponent("deploy/hub.yaml").path)

    /// A case system that is polled: its changes at /changes?since=CURSOR.
    static func adapter(port: Int) throws -> AdapterDefinition {
        try AdapterDefinition.parse(
            yaml: """
                name: zaaksysteem
                display_name: Zaaksysteem (gepeild)
                municipalities: [GM0153]
                inbound:
                  secret_env: ZAAK_SECRET
                  message_id: /id
                  report: { hub_id: /melding }
                  status: /status
                  updated_at: /tijd
                polling:
                  url: http://127.0.0.1:\(port)/changes
                  interval: 1s
                  cursor_parameter: since
                  next_cursor: /volgende
                  items: /wijzigingen
                statuses:
                  inbound:
                    IN_BEHANDELING: acknowledge
                    AFGEHANDELD: { action: close, closure: resolved }
                """,
            file: "zaaksysteem.yaml", configuration: configuration,
            environment: ["ZAAK_SECRET": "whsec_" + Data(repeating: 7, count: 32).base64EncodedString()])
    }

    /// Serves pages by cursor and records the cursors asked for.
    final class ChangeFeed: Sendable {
        let pages = Mutex<[String: String]>([:])
        let asked = Mutex<[String]>([])
        let failing = Atomic<Bool>(false)
    }

    static func serve(_ feed: ChangeFeed) async throws -> (Int, Task<Void, any Error>) {
        let router = Router()
        router.get("/changes") { request, _ -> Response in
            let since = request.uri.queryParameters.get("since") ?? ""
            feed.asked.withLock { $0.append(since) }
            if feed.failing.load(ordering: .relaxed) { return Response(status: .serviceUnavailable) }
            let body = feed.pages.withLock { $0[since] } ?? #"{"wijzigingen": [], "volgende": "\#(since)"}"#
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            })
        let task = Task { try await app.run() }
        var port = 0
        for await bound in ports { port = bound }
        return (port, task)
    }

    @Test("Each page's updates are applied once and the cursor is saved after them; a restart goes on from it; a failed page is fetched again")
    func pollsWithACursor() async throws {
        let database = try await TestDatabase.create()
        let pool = database.runtimePool()
        let store = EventStore(pool: pool)
        let handler = ReportCommandHandler(store: store)
        let report = ReportID.generate()
        _ = try await handler.handle(
            ReportCommand(reportID: report, actor: .reporter, issuedAt: Date(), action: .submit(ReportSubmission(
                municipality: "GM0153", channel: .app, category: "weg.gat", description: "Gat in de weg",
                location: try Location(latitude: 52.22, longitude: 6.89)))),
            policy: Self.configuration.policy(for: "GM0153"))
        let feed = ChangeFeed()
        feed.pages.withLock {
            $0[""] = #"{"wijzigingen": [{"id": "Z-1", "melding": "\#(report)", "status": "IN_BEHANDELING", "tijd": "2026-11-23T09:00:00Z"}], "volgende": "c1"}"#
            $0["c1"] = #"{"wijzigingen": [{"id": "Z-2", "melding": "\#(report)", "status": "AFGEHANDELD", "tijd": "2026-11-23T10:00:00Z"}], "volgende": "c2"}"#
        }
        let (port, server) = try await Self.serve(feed)
        let adapter = try Self.adapter(port: port)
        let client = OutboundHTTPClient()
        let processor = InboundProcessor(pool: pool, handler: handler, configuration: Self.configuration)

        let poller = AdapterPoller(adapters: [adapter], processor: processor, client: client)
        #expect(try await poller.poll(adapter))
        #expect(try await handler.load(report).0?.status == .acknowledged)
        // The system is down: the page fails and the cursor stays.
        feed.failing.store(true, ordering: .relaxed)
        await #expect(throws: (any Error).self) { try await poller.poll(adapter) }
        feed.failing.store(false, ordering: .relaxed)
        // A new process (after a restart) starts from the saved cursor, not from the beginning.
        let restarted = AdapterPoller(adapters: [adapter], processor: processor, client: client)
        #expect(try await restarted.poll(adapter))
        #expect(try await handler.load(report).0?.status == .closed)
        #expect(try await restarted.poll(adapter) == false)
        #expect(feed.asked.withLock { $0 } == ["", "c1", "c1", "c2"])

        let messages = try await pool.query("SELECT message_id, status, via FROM hub.inbound_messages ORDER BY id")
        #expect(try messages.rows.map { try $0.decode(String.self, 0) } == ["Z-1", "Z-2"])
        #expect(try messages.rows.map { try $0.decode(String.self, 1) } == ["accepted", "accepted"])
        #expect(try messages.rows.map { try $0.decode(String.self, 2) } == ["poll", "poll"])
        // A page fetched again (a crash before its cursor was saved) applies nothing twice.
        _ = try await pool.query("UPDATE hub.adapter_cursors SET cursor = 'c1'")
        let events = try await pool.query("SELECT count(*) FROM hub.events").decode(Int.self, row: 0, column: 0)
        _ = try await restarted.poll(adapter)
        #expect(try await pool.query("SELECT count(*) FROM hub.events").decode(Int.self, row: 0, column: 0) == events)

        await client.shutdown()
        server.cancel()
        await pool.close()
    }
}
