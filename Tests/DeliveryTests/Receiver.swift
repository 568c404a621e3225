import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// A real HTTP server on 127.0.0.1 that plays a connected system's endpoint: it records every
/// request and answers as the test tells it to.
final class Receiver: Sendable {
    struct Request: Sendable {
        var headers: [String: String]
        var body: [UInt8]
        var receivedAt: ContinuousClock.Instant

        var webhookID: String { headers["webhook-id"] ?? "" }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:] }
    }

    struct Answer: Sendable {
        var status: HTTPResponse.Status = .noContent
        var headers: [String: String] = [:]
        var body: String = ""
        var delay: Duration = .zero
    }

    /// What the route and the test share.
    private final class State: Sendable {
        let requests = Mutex<[Request]>([])
        let answer: Mutex<@Sendable (Request, Int) -> Answer>
        let task = Mutex<Task<Void, any Error>?>(nil)

        init(answer: @escaping @Sendable (Request, Int) -> Answer) {
            self.answer = Mutex(answer)
        }
    }

    private let state: State
    let port: Int

    var url: String { "http://127.0.0.1:\(port)/hook" }

    /// Starts listening; `answer` gets each request and how many came before it.
    init(answer: @escaping @Sendable (Request, Int) -> Answer = { _, _ in Answer() }) async throws {
        let state = State(answer: answer)
        self.state = state
        let router = Router()
        router.post("/hook") { request, _ -> Response in
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let body = try await request.body.collect(upTo: 4 << 20)
            let recorded = Request(headers: headers, body: Array(buffer: body), receivedAt: .now)
            let count = state.requests.withLock { list -> Int in
                list.append(recorded)
                return list.count - 1
            }
            let reply = state.answer.withLock { $0 }(recorded, count)
            if reply.delay > .zero { try await Task.sleep(for: reply.delay) }
            var fields = HTTPFields()
            for (name, value) in reply.headers { fields[HTTPField.Name(name)!] = value }
            return Response(status: reply.status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: reply.body)))
        }
        let (portStream, portContinuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            })
        let running = Task { try await app.run() }
        var port = 0
        for await bound in portStream {
            port = bound
            break
        }
        self.port = port
        state.task.withLock { $0 = running }
    }

    /// Changes how later requests are answered.
    func answer(with answer: @escaping @Sendable (Request, Int) -> Answer) {
        state.answer.withLock { $0 = answer }
    }

    var received: [Request] { state.requests.withLock { $0 } }

    /// Waits until `count` requests have come, or fails after `timeout`.
    func waitFor(_ count: Int, timeout: Duration = .seconds(20)) async throws -> [Request] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let list = received
            if list.count >= count { return list }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw ReceiverTimeout(expected: count, received: received.count)
    }

    func stop() async {
        let running = state.task.withLock { $0 }
        running?.cancel()
        _ = try? await running?.value
    }

    struct ReceiverTimeout: Error, CustomStringConvertible {
        var expected: Int
        var received: Int
        var description: String { "expected \(expected) requests, received \(received)" }
    }
}
