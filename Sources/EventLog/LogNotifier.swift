import Foundation
import Postgres
import Synchronization

/// Announces appends: at once to followers in this process, and on the log's NOTIFY channel,
/// after commit and at most once per `interval`, to other processes.
///
/// Why not NOTIFY inside the appending transaction: PostgreSQL serialises the commits of all
/// transactions that notify (a database-wide lock held until after the commit's flush), which
/// would undo group commit for concurrent writers. Why throttled: a NOTIFY is a transaction of
/// its own; one per append would cost as much server time as a third of the append. Requests
/// that come while one is in flight or too recent are folded into the next. A notification lost
/// in a crash only delays other processes' followers until their safety re-read.
final class LogNotifier: Sendable {
    /// The payload of this notifier's notifications: the followers of this process were woken
    /// before such a notification was sent, and skip it (`LogFollower`).
    let origin = "hub-" + UUID().uuidString.lowercased()
    private let pool: PGPool
    private let statement: String
    private let interval: Duration
    private let state = Mutex<State>(State())

    private struct State {
        var inFlight = false
        var pending = false
        var local: [ObjectIdentifier: WakeSignal] = [:]
    }

    init(pool: PGPool, channel: String, interval: Duration) {
        self.pool = pool
        self.interval = interval
        // The channel and the origin are made by the program, not input. Losing this commit in a crash is
        // harmless, so it need not wait for the WAL flush.
        self.statement = "BEGIN; SET LOCAL synchronous_commit = off; SELECT pg_notify('\(channel)', '\(origin)'); COMMIT"
    }

    /// Wakes `signal` on every append of this process until `unsubscribe`.
    func subscribe(_ signal: WakeSignal) {
        state.withLock { $0.local[ObjectIdentifier(signal)] = signal }
    }

    func unsubscribe(_ signal: WakeSignal) {
        _ = state.withLock { $0.local.removeValue(forKey: ObjectIdentifier(signal)) }
    }

    func announce() {
        let (start, local) = state.withLock { state -> (Bool, [WakeSignal]) in
            let local = Array(state.local.values)
            if state.inFlight {
                state.pending = true
                return (false, local)
            }
            state.inFlight = true
            return (true, local)
        }
        local.forEach { $0.signal() }
        guard start else { return }
        let pool = self.pool
        let statement = self.statement
        let interval = self.interval
        Task {
            repeat {
                state.withLock { $0.pending = false }
                let sent = ContinuousClock.now
                _ = try? await pool.withConnection { connection in try connection.execute(statement) }
                try? await Task.sleep(until: sent + interval)
            } while state.withLock { state -> Bool in
                if state.pending { return true }
                state.inFlight = false
                return false
            }
        }
    }
}
