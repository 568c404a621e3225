import NIOCore
import NIOPosix
import Synchronization

/// The smallest forward proxy that proves a request went through it: it records the request
/// line (for a proxied plain-HTTP request, the absolute-form target `http://host:port/path`)
/// and answers the request itself instead of forwarding it.
final class ForwardProxy: Sendable {
    let port: Int
    private let server: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
    private let recorded = Mutex<[String]>([])

    /// The request lines received so far.
    var requestLines: [String] { recorded.withLock { $0 } }

    init() async throws {
        server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        port = server.channel.localAddress?.port ?? 0
    }

    /// Serves until the calling task is cancelled.
    func run() async throws {
        try await server.executeThenClose { connections in
            try await withThrowingDiscardingTaskGroup { group in
                for try await connection in connections {
                    group.addTask { try? await self.answer(connection) }
                }
            }
        }
    }

    private func answer(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async throws {
        try await connection.executeThenClose { inbound, outbound in
            var head = ""
            for try await chunk in inbound {
                head += String(buffer: chunk)
                if head.contains("\r\n\r\n") { break }
            }
            let requestLine = String(head.prefix { $0 != "\r\n" && $0 != "\n" })
            recorded.withLock { $0.append(requestLine) }
            let body = "via proxy: \(requestLine)"
            let response = "HTTP/1.1 200 OK\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
            try await outbound.write(ByteBuffer(string: response))
        }
    }
}
