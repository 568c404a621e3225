import Foundation
import Hummingbird
import NIOCore
import ServiceLifecycle
import Synchronization

/// The benchmark's stand-in for a contractor's system: `POST /hook` on 127.0.0.1 answering 204 at
/// once, counting what arrives and, when asked, when each report's first delivery arrived.
final class BenchReceiver: Sendable {
    private let received = Atomic<Int>(0)
    private let arrivals = Mutex<[String: ContinuousClock.Instant]>([:])
    private let recordArrivals = Atomic<Bool>(false)
    private let task = Mutex<Task<Void, any Error>?>(nil)
    private let group = Mutex<ServiceGroup?>(nil)
    private let boundPort = Atomic<Int>(0)

    var port: Int { boundPort.load(ordering: .acquiring) }

    var url: String { "http://127.0.0.1:\(port)/hook" }
    var count: Int { received.load(ordering: .relaxed) }

    func start() async throws {
        let router = Router()
        router.post("/hook") { [self] request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 20)
            if recordArrivals.load(ordering: .relaxed),
               let event = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any],
               let subject = event["subject"] as? String
            {
                let now = ContinuousClock.now
                arrivals.withLock { if $0[subject] == nil { $0[subject] = now } }
            }
            received.add(1, ordering: .relaxed)
            return Response(status: .noContent)
        }
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            })
        // In a service group, so that stopping is a graceful shutdown: cancelling the server's
        // task instead makes Hummingbird log an error about its connections.
        let services = ServiceGroup(configuration: .init(services: [app], logger: app.logger))
        let running = Task { try await services.run() }
        for await bound in ports { boundPort.store(bound, ordering: .releasing) }
        task.withLock { $0 = running }
        group.withLock { $0 = services }
    }

    /// From now on, remember when each report's first delivery arrives.
    func recordArrivalTimes() {
        recordArrivals.store(true, ordering: .relaxed)
    }

    func arrival(of subject: String) -> ContinuousClock.Instant? {
        arrivals.withLock { $0[subject] }
    }

    func stop() async {
        let running = task.withLock { $0 }
        await group.withLock { $0 }?.triggerGracefulShutdown()
        _ = try? await running?.value
    }
}
