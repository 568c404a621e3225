import Logging
import NIOPosix
import ServiceLifecycle
import Synchronization

/// A bounded pool of connections whose blocking libpq calls run on a private thread pool.
///
/// A borrowed connection is checked before use (a non-blocking read tells whether the server
/// closed it, e.g. after a restart) and replaced when broken, so the pool reconnects by itself.
/// As a `Service`, it runs until graceful shutdown and then waits for borrowers to finish.
public final class PGPool: Service, Sendable {
    public let maxConnections: Int
    private let config: PGConnectionConfig
    private let logger: Logger
    private let threads: NIOThreadPool
    private let state: Mutex<State>

    private struct State: ~Copyable {
        var idle: [PGConnection] = []
        var open = 0
        var borrowed = 0
        var closed = false
        var waiters: [(id: UInt64, continuation: CheckedContinuation<Grant, any Error>)] = []
        var nextWaiterID: UInt64 = 0
        var drained: [CheckedContinuation<Void, Never>] = []
        /// The server process ids of the open connections (`isOwnSession`).
        var sessions: Set<Int32> = []
    }

    /// What a borrower may use: an idle connection, or a free slot to open a new one in.
    private enum Grant: Sendable {
        case connection(PGConnection)
        case slot
    }

    public init(config: PGConnectionConfig, maxConnections: Int = 8, logger: Logger = Logger(label: "hub.postgres")) {
        precondition(maxConnections > 0, "a pool needs at least one connection")
        self.config = config
        self.maxConnections = maxConnections
        self.logger = logger
        self.threads = NIOThreadPool(numberOfThreads: maxConnections)
        self.threads.start()
        self.state = Mutex(State())
    }

    /// Lends a connection to `body`, which runs on one of the pool's threads and may block.
    public func withConnection<T: Sendable>(
        _ body: @escaping @Sendable (PGConnection) throws -> T
    ) async throws -> T {
        let grant = try await acquire()
        let logger = self.logger
        let outcome: (PGConnection?, Result<T, any Error>)
        do {
            outcome = try await threads.runIfActive { () -> (PGConnection?, Result<T, any Error>) in
                var connection: PGConnection
                switch grant {
                case .connection(let idle) where idle.isHealthy:
                    connection = idle
                case .connection(let broken):
                    logger.info("replacing a broken database connection")
                    self.forget(broken)
                    do { connection = try self.open() } catch { return (nil, .failure(error)) }
                case .slot:
                    do { connection = try self.open() } catch { return (nil, .failure(error)) }
                }
                do {
                    return (connection, .success(try body(connection)))
                } catch {
                    return (connection, .failure(error))
                }
            }
        } catch {
            release(nil)
            throw error
        }
        let (connection, result) = outcome
        let healthy = connection.flatMap { $0.isHealthy ? $0 : nil }
        if let connection, healthy == nil { forget(connection) }
        release(healthy)
        return try result.get()
    }

    /// Whether a server process is one of this pool's sessions: a notification it sent came from
    /// this process's own work (see `PGNotification.senderPID`).
    public func isOwnSession(backendPID: Int32) -> Bool {
        state.withLock { $0.sessions.contains(backendPID) }
    }

    private func open() throws(PGError) -> PGConnection {
        let connection = try PGConnection(config: config)
        let pid = connection.backendPID
        state.withLock { _ = $0.sessions.insert(pid) }
        return connection
    }

    private func forget(_ connection: PGConnection) {
        let pid = connection.backendPID
        state.withLock { _ = $0.sessions.remove(pid) }
    }

    /// Runs `body` in a transaction on a borrowed connection.
    public func withTransaction<T: Sendable>(
        _ body: @escaping @Sendable (PGConnection) throws -> T
    ) async throws -> T {
        try await withConnection { connection in try connection.transaction(.readWrite, body) }
    }

    /// Runs one statement on a borrowed connection.
    @discardableResult
    public func query(_ query: PGQuery) async throws -> PGResult {
        try await withConnection { connection in try connection.query(query) }
    }

    private func acquire() async throws -> Grant {
        enum Next { case grant(Grant), wait, closed }
        let next: Next = state.withLock { state in
            if state.closed { return .closed }
            if let connection = state.idle.popLast() {
                state.borrowed += 1
                return .grant(.connection(connection))
            }
            if state.open < maxConnections {
                state.open += 1
                state.borrowed += 1
                return .grant(.slot)
            }
            return .wait
        }
        switch next {
        case .grant(let grant): return grant
        case .closed: throw PGError(code: .poolClosed)
        case .wait:
            let id = state.withLock { state -> UInt64 in
                state.nextWaiterID += 1
                return state.nextWaiterID
            }
            // A caller that gives up (a cancelled request) leaves the queue at once.
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    let refusal: (any Error)? = state.withLock { state in
                        if state.closed { return PGError(code: .poolClosed) }
                        if Task.isCancelled { return CancellationError() }
                        state.waiters.append((id, continuation))
                        return nil
                    }
                    if let refusal { continuation.resume(throwing: refusal) }
                }
            } onCancel: {
                let waiter = state.withLock { state -> CheckedContinuation<Grant, any Error>? in
                    guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                    return state.waiters.remove(at: index).continuation
                }
                waiter?.resume(throwing: CancellationError())
            }
        }
    }

    /// Returns a connection (nil when it broke or was never opened) and hands it to a waiter.
    private func release(_ connection: PGConnection?) {
        let (waiter, grant, drained): (CheckedContinuation<Grant, any Error>?, Grant, [CheckedContinuation<Void, Never>]) =
            state.withLock { state in
                let grant: Grant
                if let connection {
                    grant = .connection(connection)
                } else {
                    grant = .slot
                }
                if !state.closed, !state.waiters.isEmpty {
                    return (state.waiters.removeFirst().continuation, grant, [])
                }
                state.borrowed -= 1
                if let connection, !state.closed {
                    state.idle.append(connection)
                } else {
                    state.open -= 1
                }
                var drained: [CheckedContinuation<Void, Never>] = []
                if state.closed, state.borrowed == 0 { swap(&drained, &state.drained) }
                return (nil, grant, drained)
            }
        waiter?.resume(returning: grant)
        drained.forEach { $0.resume() }
    }

    /// Stops lending, waits for borrowed connections to come back, closes all and the threads.
    public func close() async {
        let (waiters, mustWait): ([CheckedContinuation<Grant, any Error>], Bool) = state.withLock { state in
            state.closed = true
            let waiters = state.waiters.map(\.continuation)
            state.waiters = []
            state.open -= state.idle.count
            for connection in state.idle { state.sessions.remove(connection.backendPID) }
            state.idle = []
            return (waiters, state.borrowed > 0)
        }
        waiters.forEach { $0.resume(throwing: PGError(code: .poolClosed)) }
        if mustWait {
            await withCheckedContinuation { continuation in
                let done = state.withLock { state in
                    if state.borrowed == 0 { return true }
                    state.drained.append(continuation)
                    return false
                }
                if done { continuation.resume() }
            }
        }
        try? await threads.shutdownGracefully()
    }

    /// Runs until graceful shutdown, then drains and closes the pool.
    public func run() async throws {
        try? await gracefulShutdown()
        await close()
    }
}
