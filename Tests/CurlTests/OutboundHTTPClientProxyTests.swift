import Curl
import Testing

/// Requests sent through a forward proxy on 127.0.0.1.
@Suite struct OutboundHTTPClientProxyTests {
    @Test func theRequestGoesThroughTheProxy() async throws {
        let proxy = try await ForwardProxy()
        let serving = Task { try await proxy.run() }
        defer { serving.cancel() }
        // Nothing listens on the target port: only the proxy can answer.
        let target = "http://127.0.0.1:\(try await OutboundHTTPClientTests.closedPort())/meldingen/42?status=open"
        let client = OutboundHTTPClient()
        let response = try await client.send(
            OutboundRequest(method: "GET", url: target, options: OutboundOptions(proxy: "http://127.0.0.1:\(proxy.port)"))
        )
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "via proxy: GET \(target) HTTP/1.1")
        #expect(proxy.requestLines == ["GET \(target) HTTP/1.1"])
        await client.shutdown()
    }
}
