import Foundation
import Logging
import ServiceLifecycle
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Follows LISTEN channels on its own connection and thread, and reconnects when it breaks.
///
/// Waiting for a notification blocks in `poll(2)`, so it lives on a dedicated thread rather than
/// a pool thread. Subscribers get `.notification` for each message and `.reconnected` after each
/// (re)connection, upon which they must catch up: notifications sent while disconnected are lost.
public final class PGListener: Service, Sendable {
    public enum Event: Sendable, Hashable {
        case notification(PGNotification)
        case reconnected
    }

    private let config: PGConnectionConfig
    private let channels: [String]
    private let logger: Logger
    /// Each subscriber's stream and the one channel it hears (nil: all of them).
    private let subscribers = Mutex<[UUID: (channel: String?, continuation: AsyncStream<Event>.Continuation)]>([:])
    /// A self-pipe: writing to it wakes the thread out of poll() so it can stop.
    private let wakePipe: (read: Int32, write: Int32)
    private let stopped = Atomic<Bool>(false)

    public init(config: PGConnectionConfig, channels: [String], logger: Logger = Logger(label: "hub.postgres.listener")) {
        self.config = config
        self.channels = channels
        self.logger = logger
        var fds: [Int32] = [0, 0]
        precondition(pipe(&fds) == 0, "cannot create a pipe")
        self.wakePipe = (fds[0], fds[1])
    }

    deinit {
        close(wakePipe.read)
        close(wakePipe.write)
    }

    /// A stream of events from now on: the notifications on `channel` (on every channel the
    /// listener follows when nil) and every reconnection. It ends when the listener stops.
    public func events(channel: String? = nil) -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let id = UUID()
        subscribers.withLock { $0[id] = (channel, continuation) }
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        return stream
    }

    /// Runs the listening thread until graceful shutdown or cancellation.
    public func run() async throws {
        let finished = Mutex<CheckedContinuation<Void, Never>?>(nil)
        let done = Atomic<Bool>(false)
        let thread = Thread { [self] in
            listenLoop()
            done.store(true, ordering: .sequentiallyConsistent)
            finished.withLock { $0?.resume() }
        }
        thread.name = "hub.postgres.listener"
        thread.start()
        await withGracefulShutdownHandler {
            await withTaskCancellationHandler {
                await withCheckedContinuation { continuation in
                    let alreadyDone = finished.withLock { slot in
                        if done.load(ordering: .sequentiallyConsistent) { return true }
                        slot = continuation
                        return false
                    }
                    if alreadyDone { continuation.resume() }
                }
            } onCancel: {
                self.stop()
            }
        } onGracefulShutdown: {
            self.stop()
        }
        // finish() runs onTermination, which takes the lock again: call it outside.
        let ending = subscribers.withLock { subscribers in
            defer { subscribers.removeAll() }
            return subscribers.values.map(\.continuation)
        }
        ending.forEach { $0.finish() }
    }

    /// Asks the thread to stop; returns at once.
    public func stop() {
        stopped.store(true, ordering: .sequentiallyConsistent)
        var byte: UInt8 = 1
        _ = write(wakePipe.write, &byte, 1)
    }

    private func publish(_ event: Event) {
        // Yield outside the lock: yielding resumes the waiting task, which takes that task's
        // status lock, while cancelling that task holds its status lock and runs onTermination,
        // which takes ours. Yielding under our lock deadlocked the two threads (seen in the tests).
        let receivers = subscribers.withLock { subscribers in
            subscribers.values.filter { subscriber in
                guard let channel = subscriber.channel, case .notification(let notification) = event else { return true }
                return notification.channel == channel
            }.map(\.continuation)
        }
        for continuation in receivers { continuation.yield(event) }
    }

    private func listenLoop() {
        var connection: PGConnection?
        var backoffMilliseconds: Int32 = 100
        while !stopped.load(ordering: .sequentiallyConsistent) {
            if connection == nil {
                do {
                    let fresh = try PGConnection(config: config)
                    for channel in channels { try fresh.execute("LISTEN \(try fresh.quotedIdentifier(channel))") }
                    connection = fresh
                    backoffMilliseconds = 100
                    publish(.reconnected)
                } catch {
                    logger.warning("cannot listen for notifications, retrying", metadata: ["error": "\(error)"])
                    _ = waitReadable(nil, timeout: backoffMilliseconds)
                    backoffMilliseconds = min(backoffMilliseconds * 2, 5_000)
                    continue
                }
            }
            guard let current = connection else { continue }
            guard waitReadable(current.socket, timeout: -1) else { continue }
            do {
                for notification in try current.receiveNotifications() { publish(.notification(notification)) }
                if !current.isListening { connection = nil }
            } catch {
                logger.warning("notification connection lost, reconnecting", metadata: ["error": "\(error)"])
                connection = nil
            }
        }
    }

    /// Waits until `socket` is readable (true) or the wake pipe or the timeout fires (false).
    private func waitReadable(_ socket: Int32?, timeout: Int32) -> Bool {
        var fds = [pollfd(fd: wakePipe.read, events: Int16(POLLIN), revents: 0)]
        if let socket { fds.append(pollfd(fd: socket, events: Int16(POLLIN), revents: 0)) }
        let ready = poll(&fds, nfds_t(fds.count), timeout)
        if ready > 0, fds[0].revents != 0 { return false }
        return ready > 0 && fds.count > 1 && fds[1].revents != 0
    }
}
