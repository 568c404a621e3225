import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// A real Hummingbird server on 127.0.0.1 that shows the tests what arrived.
///
/// - `/echo` (GET, POST, PUT, PATCH, DELETE): answers 201 with the request body, and with
///   `x-echo-method`, `x-echo-authorization`, `x-echo-custom`, `x-echo-content-type`,
///   `x-echo-expect` and `x-peer-port` headers telling what it received and from which port;
///   two `x-multi` lines show repeated fields.
/// - `/slow?ms=N`: answers after N milliseconds.
/// - `/big?bytes=N` (GET, HEAD): answers N bytes.
enum EchoServer {
    static func withServer(_ body: (_ port: Int) async throws -> Void) async throws {
        let router = Router(context: PeerContext.self)
        for method in [HTTPRequest.Method.get, .post, .put, .patch, .delete] {
            router.on("/echo", method: method) { request, context in
                var request = request
                let received = try await request.collectBody(upTo: 16 << 20)
                var headers = HTTPFields()
                headers[.echoMethod] = request.method.rawValue
                headers[.echoAuthorization] = request.headers[.authorization] ?? "-"
                headers[.echoCustom] = request.headers[.custom] ?? "-"
                headers[.echoContentType] = request.headers[.contentType] ?? "-"
                headers[.echoExpect] = request.headers[.expect] ?? "-"
                headers[.peerPort] = context.peerPort.map(String.init) ?? "-"
                headers.append(HTTPField(name: .multi, value: "one"))
                headers.append(HTTPField(name: .multi, value: "two"))
                return Response(status: .created, headers: headers, body: .init(byteBuffer: received))
            }
        }
        router.get("/slow") { request, _ in
            let milliseconds = request.uri.queryParameters.get("ms", as: Int.self) ?? 1_000
            try await Task.sleep(for: .milliseconds(milliseconds))
            return "slow"
        }
        for method in [HTTPRequest.Method.get, .head] {
            router.on("/big", method: method) { request, _ in
                let count = request.uri.queryParameters.get("bytes", as: Int.self) ?? 0
                return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(repeating: UInt8(ascii: "x"), count: count)))
            }
        }
        try await withApplication(router.buildResponder(), body)
    }

    /// Runs `responder` on 127.0.0.1 and a free port for as long as `body` runs.
    static func withApplication<Responder: HTTPResponder>(
        _ responder: Responder, _ body: (_ port: Int) async throws -> Void
    ) async throws where Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
        var logger = Logger(label: "curl-tests.server")
        logger.logLevel = .warning
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger
        )
        let group = ServiceGroup(services: [app], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else {
                await group.triggerGracefulShutdown()
                throw ServerDidNotStart()
            }
            do {
                try await body(port)
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    struct ServerDidNotStart: Error {}
}
