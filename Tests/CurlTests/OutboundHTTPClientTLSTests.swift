import Curl
import Testing

/// Mutual TLS against a server that demands a client certificate from its own CA.
@Suite struct OutboundHTTPClientTLSTests {
    @Test func withTheClientCertificateAndTheCABundleTheRequestSucceeds() async throws {
        try await MutualTLSServer.withServer { server in
            let client = OutboundHTTPClient()
            let response = try await client.send(
                OutboundRequest(
                    method: "GET",
                    url: "https://127.0.0.1:\(server.port)/",
                    options: OutboundOptions(
                        clientCertificate: ClientCertificate(
                            certificatePath: server.clientCertificatePath,
                            keyPath: server.clientKeyPath,
                            keyPassword: server.clientKeyPassword
                        ),
                        caBundlePath: server.caBundlePath
                    )
                )
            )
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == "hello meldingen-hub")
            await client.shutdown()
        }
    }

    @Test func withoutTheClientCertificateItFailsWithTLS() async throws {
        try await MutualTLSServer.withServer { server in
            let client = OutboundHTTPClient()
            let error = await #expect(throws: OutboundError.self) {
                try await client.send(
                    OutboundRequest(
                        method: "GET",
                        url: "https://127.0.0.1:\(server.port)/",
                        options: OutboundOptions(caBundlePath: server.caBundlePath)
                    )
                )
            }
            #expect(error?.kind == .tls, "\(String(describing: error))")
            await client.shutdown()
        }
    }

    @Test func withACABundleWithoutTheServersCAItFailsWithTLS() async throws {
        try await MutualTLSServer.withServer { server in
            let client = OutboundHTTPClient()
            let error = await #expect(throws: OutboundError.self) {
                try await client.send(
                    OutboundRequest(
                        method: "GET",
                        url: "https://localhost:\(server.port)/",
                        options: OutboundOptions(
                            clientCertificate: ClientCertificate(
                                certificatePath: server.clientCertificatePath,
                                keyPath: server.clientKeyPath,
                                keyPassword: server.clientKeyPassword
                            ),
                            caBundlePath: server.otherCABundlePath
                        )
                    )
                )
            }
            #expect(error?.kind == .tls, "\(String(describing: error))")
            await client.shutdown()
        }
    }

    @Test func aWrongKeyPasswordFailsWithTLSAndIsNotInTheMessage() async throws {
        try await MutualTLSServer.withServer { server in
            let client = OutboundHTTPClient()
            let error = await #expect(throws: OutboundError.self) {
                try await client.send(
                    OutboundRequest(
                        method: "GET",
                        url: "https://127.0.0.1:\(server.port)/",
                        options: OutboundOptions(
                            clientCertificate: ClientCertificate(
                                certificatePath: server.clientCertificatePath,
                                keyPath: server.clientKeyPath,
                                keyPassword: "verkeerd-wachtwoord"
                            ),
                            caBundlePath: server.caBundlePath
                        )
                    )
                )
            }
            #expect(error?.kind == .tls, "\(String(describing: error))")
            #expect(error?.message.contains("verkeerd-wachtwoord") == false)
            await client.shutdown()
        }
    }
}
