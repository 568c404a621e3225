import EmbeddedPostgres
import Foundation
import Logging
import Postgres
import Testing

/// Restarts a server of its own, so that the other tests' server is left alone.
@Suite struct ServerRestartTests {
    @Test func thePoolAndTheListenerReconnectAfterARestart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hub-restart-\(UUID().uuidString.prefix(8))")
        let lease = try await EmbeddedPostgres(directory: directory, logger: Logger(label: "test")).start()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = PGConnectionConfig(url: lease.superuserURL)
        let pool = PGPool(config: config, maxConnections: 2)
        let listener = PGListener(config: config, channels: ["restart_test"])
        let events = listener.events()
        let listening = Task { try await listener.run() }
        var iterator = events.makeAsyncIterator()
        #expect(await iterator.next() == .reconnected)

        let before = try await pool.withConnection { connection in
            try connection.query("SELECT 1")
            return connection.backendPID
        }
        try await lease.restart()

        let after = try await pool.withConnection { connection in
            try connection.query("SELECT 1")
            return connection.backendPID
        }
        #expect(after != before, "the pool opened a new connection by itself")
        #expect(await iterator.next() == .reconnected, "the listener reconnected by itself")
        try await pool.query("SELECT pg_notify('restart_test', 'back')")
        let received = await iterator.next()
        guard case .notification(let notification) = received else {
            Issue.record("expected a notification after the restart, got \(String(describing: received))")
            return
        }
        #expect(notification.payload == "back")

        listener.stop()
        try await listening.value
        await pool.close()
        try await lease.release()
    }
}
