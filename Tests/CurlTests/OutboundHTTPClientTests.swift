import Curl
import Foundation
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Testing

/// The client against a real Hummingbird server on 127.0.0.1.
@Suite struct OutboundHTTPClientTests {
    @Test func methodHeadersAndBodyArriveAndTheResponseComesBack() async throws {
        try await EchoServer.withServer { port in
            let client = OutboundHTTPClient()
            let body = Array("{\"melding\":\"losse stoeptegel\",\"bytes\":\"\u{0}\u{1}é\"}".utf8)
            let response = try await client.send(
                OutboundRequest(
                    method: "PUT",
                    url: "http://127.0.0.1:\(port)/echo?x=1",
                    headers: [
                        OutboundHeader(name: "Content-Type", value: "application/json"),
                        OutboundHeader(name: "X-Custom", value: "waarde met spaties"),
                    ],
                    body: body
                )
            )
            #expect(response.status == 201)
            #expect(response.body == body)
            #expect(response.header("X-Echo-Method") == "PUT")
            #expect(response.header("x-echo-content-type") == "application/json")
            #expect(response.header("X-ECHO-CUSTOM") == "waarde met spaties")
            #expect(response.header("x-echo-authorization") == "-")
            #expect(response.header("x-echo-expect") == "-")
            #expect(response.headers.allSatisfy { $0.name == $0.name.lowercased() })
            #expect(response.headers.filter { $0.name == "x-multi" }.map(\.value) == ["one", "two"])
            #expect(response.header("content-length") == "\(body.count)")
            #expect(response.totalTime > .zero && response.totalTime < .seconds(5))
            await client.shutdown()
        }
    }

    @Test func getHeadDeleteAndPostWithEmptyBodies() async throws {
        try await EchoServer.withServer { port in
            let client = OutboundHTTPClient()
            let get = try await client.send(OutboundRequest(method: "GET", url: "http://127.0.0.1:\(port)/echo"))
            #expect(get.status == 201)
            #expect(get.header("x-echo-method") == "GET")
            #expect(get.body.isEmpty)
            let post = try await client.send(OutboundRequest(url: "http://127.0.0.1:\(port)/echo"))
            #expect(post.header("x-echo-method") == "POST")
            #expect(post.body.isEmpty)
            let delete = try await client.send(OutboundRequest(method: "DELETE", url: "http://127.0.0.1:\(port)/echo"))
            #expect(delete.header("x-echo-method") == "DELETE")
            // libcurl must not wait for the body a HEAD response announces but never sends.
            let head = try await client.send(
                OutboundRequest(method: "HEAD", url: "http://127.0.0.1:\(port)/big?bytes=5000", options: .init(timeout: .seconds(2)))
            )
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            let missing = try await client.send(OutboundRequest(method: "GET", url: "http://127.0.0.1:\(port)/nowhere"))
            #expect(missing.status == 404)
            await client.shutdown()
        }
    }

    @Test func aThousandConcurrentSendsCompleteOverReusedConnections() async throws {
        try await EchoServer.withServer { port in
            let client = OutboundHTTPClient(maxConnections: 16, maxConnectionsPerHost: 8)
            let peerPorts = try await withThrowingTaskGroup(of: String?.self) { group in
                for index in 0..<1_000 {
                    group.addTask {
                        let body = Array("melding \(index)".utf8)
                        let response = try await client.send(
                            OutboundRequest(url: "http://127.0.0.1:\(port)/echo", body: body)
                        )
                        guard response.status == 201, response.body == body else { return nil }
                        return response.header("x-peer-port")
                    }
                }
                var ports: [String?] = []
                for try await port in group { ports.append(port) }
                return ports
            }
            #expect(peerPorts.count == 1_000)
            #expect(peerPorts.allSatisfy { $0 != nil })
            let connections = Set(peerPorts.compactMap { $0 })
            #expect(connections.count >= 1 && connections.count <= 8, "used \(connections.count) connections")
            await client.shutdown()
        }
    }

    @Test func aSlowServerTimesOutWithinAboutTheTimeout() async throws {
        try await EchoServer.withServer { port in
            let client = OutboundHTTPClient()
            let clock = ContinuousClock()
            let start = clock.now
            let error = await #expect(throws: OutboundError.self) {
                try await client.send(
                    OutboundRequest(
                        method: "GET",
                        url: "http://127.0.0.1:\(port)/slow?ms=2500",
                        options: OutboundOptions(timeout: .milliseconds(500))
                    )
                )
            }
            let elapsed = clock.now - start
            #expect(error?.kind == .timeout)
            #expect(elapsed >= .milliseconds(450) && elapsed < .milliseconds(1_500), "took \(elapsed)")
            await client.shutdown()
        }
    }

    @Test func aRefusedPortFailsWithCouldNotConnect() async throws {
        let port = try await Self.closedPort()
        let client = OutboundHTTPClient()
        let password = "zeer-geheim-wachtwoord"
        let error = await #expect(throws: OutboundError.self) {
            try await client.send(
                OutboundRequest(
                    url: "http://127.0.0.1:\(port)/",
                    body: Array("geheime inhoud".utf8),
                    options: OutboundOptions(authentication: .basic(user: "hub", password: password))
                )
            )
        }
        #expect(error?.kind == .couldNotConnect)
        #expect(error.map { !$0.description.contains(password) && !$0.description.contains("geheime inhoud") } == true)
        await client.shutdown()
    }

    @Test func aResponseLargerThanTheCapFails() async throws {
        try await EchoServer.withServer { port in
            let client = OutboundHTTPClient()
            let options = OutboundOptions(maxResponseBytes: 10_000)
            let fits = try await client.send(
                OutboundRequest(method: "GET", url: "http://127.0.0.1:\(port)/big?bytes=10000", options: options)
            )
            #expect(fits.body.count == 10_000)
            let error = await #expect(throws: OutboundError.self) {
                try await client.send(
                    OutboundRequest(method: "GET", url: "http://127.0.0.1:\(port)/big?bytes=2000000", options: options)
                )
            }
            #expect(error?.kind == .responseTooLarge)
            await client.shutdown()
        }
    }

    @Test func basicAndBearerAuthenticationArriveAsTheAuthorizationHeader() async throws {
        try await EchoServer.withServer { port in
            let client = OutboundHTTPClient()
            let basic = try await client.send(
                OutboundRequest(
                    url: "http://127.0.0.1:\(port)/echo",
                    options: OutboundOptions(authentication: .basic(user: "gemeente", password: "pa:ss wørd"))
                )
            )
            let expected = "Basic " + Data("gemeente:pa:ss wørd".utf8).base64EncodedString()
            #expect(basic.header("x-echo-authorization") == expected)
            let bearer = try await client.send(
                OutboundRequest(
                    url: "http://127.0.0.1:\(port)/echo",
                    options: OutboundOptions(authentication: .bearer(token: "eyJ.token-123"))
                )
            )
            #expect(bearer.header("x-echo-authorization") == "Bearer eyJ.token-123")
            await client.shutdown()
        }
    }

    @Test(arguments: [
        "not a url", "ftp://127.0.0.1/file", "file:///etc/passwd", "127.0.0.1/echo", "http://[::1", "http://",
        "http://127.0.0.1/\r\nX-Injected: 1", "",
    ])
    func invalidURLsFailBeforeSending(url: String) async throws {
        let client = OutboundHTTPClient()
        let error = await #expect(throws: OutboundError.self) {
            try await client.send(OutboundRequest(url: url))
        }
        #expect(error?.kind == .invalidRequest)
        await client.shutdown()
    }

    @Test func headersAndMethodsThatWouldSplitTheRequestAreRefused() async throws {
        let client = OutboundHTTPClient()
        let requests = [
            OutboundRequest(url: "http://127.0.0.1:1/", headers: [OutboundHeader(name: "X-A", value: "a\r\nX-Injected: 1")]),
            OutboundRequest(url: "http://127.0.0.1:1/", headers: [OutboundHeader(name: "X-A", value: "a\nb")]),
            OutboundRequest(url: "http://127.0.0.1:1/", headers: [OutboundHeader(name: "X-A\r\nX-B", value: "a")]),
            OutboundRequest(url: "http://127.0.0.1:1/", headers: [OutboundHeader(name: "", value: "a")]),
            OutboundRequest(url: "http://127.0.0.1:1/", headers: [OutboundHeader(name: "X-A", value: "a\u{0}b")]),
            OutboundRequest(method: "GET / HTTP/1.1\r\n", url: "http://127.0.0.1:1/"),
            OutboundRequest(method: "", url: "http://127.0.0.1:1/"),
            OutboundRequest(url: "http://127.0.0.1:1/", options: OutboundOptions(authentication: .bearer(token: "a\r\nb"))),
            OutboundRequest(url: "http://127.0.0.1:1/", options: OutboundOptions(proxy: "http://127.0.0.1:1\r\n")),
        ]
        for request in requests {
            let error = await #expect(throws: OutboundError.self) { try await client.send(request) }
            #expect(error?.kind == .invalidRequest)
        }
        await client.shutdown()
    }

    @Test func shutdownLetsTheTransferInFlightFinishAndRefusesNewOnes() async throws {
        try await EchoServer.withServer { port in
            let client = OutboundHTTPClient()
            let inFlight = Task {
                try await client.send(OutboundRequest(method: "GET", url: "http://127.0.0.1:\(port)/slow?ms=800"))
            }
            try await Task.sleep(for: .milliseconds(200))
            await client.shutdown()
            // shutdown() returned, so the slow transfer has already ended.
            let response = try await inFlight.value
            #expect(response.status == 200)
            #expect(response.body == Array("slow".utf8))
            let error = await #expect(throws: OutboundError.self) {
                try await client.send(OutboundRequest(method: "GET", url: "http://127.0.0.1:\(port)/echo"))
            }
            #expect(error?.kind == .shutdown)
            await client.shutdown()
        }
    }

    @Test func asAServiceItShutsDownWithItsGroup() async throws {
        let client = OutboundHTTPClient()
        let group = ServiceGroup(services: [client], logger: .init(label: "curl-tests.group"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        let error = await #expect(throws: OutboundError.self) {
            try await client.send(OutboundRequest(url: "http://127.0.0.1:1/"))
        }
        #expect(error?.kind == .shutdown)
    }

    @Test func aClientReleasedWithoutShutdownDoesNotCrash() async throws {
        try await EchoServer.withServer { port in
            var client: OutboundHTTPClient? = OutboundHTTPClient()
            let response = try await client?.send(OutboundRequest(url: "http://127.0.0.1:\(port)/echo"))
            #expect(response?.status == 201)
            client = nil
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// A port on 127.0.0.1 that nothing listens on: bound once by NIO, then closed.
    static func closedPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }
}
