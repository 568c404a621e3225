import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PKI made with the `openssl` command line, and a python3 HTTPS server that
/// demands a client certificate signed by its CA.
///
/// Both tools are required: a missing one fails the test instead of skipping it.
struct MutualTLSServer {
    let directory: URL
    let port: Int
    private let process: Process

    var caBundlePath: String { path("ca.pem") }
    var otherCABundlePath: String { path("other-ca.pem") }
    var clientCertificatePath: String { path("client.pem") }
    /// The client key, encrypted with `clientKeyPassword`.
    var clientKeyPath: String { path("client-encrypted.key") }
    let clientKeyPassword = "sleutel-wachtwoord"

    static func withServer(_ body: (MutualTLSServer) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("curl-tests-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try makeCertificates(in: directory)
        let server = try start(in: directory)
        defer { server.stop() }
        try await body(server)
    }

    /// Killed rather than terminated: a child spawned from a libdispatch thread inherits its
    /// blocked signals, SIGTERM among them.
    private func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private static func makeCertificates(in directory: URL) throws {
        let serverExtensions = """
            basicConstraints=CA:FALSE
            keyUsage=critical,digitalSignature,keyEncipherment
            extendedKeyUsage=serverAuth
            subjectAltName=IP:127.0.0.1,DNS:localhost
            subjectKeyIdentifier=hash
            authorityKeyIdentifier=keyid
            """
        let clientExtensions = """
            basicConstraints=CA:FALSE
            keyUsage=critical,digitalSignature
            extendedKeyUsage=clientAuth
            subjectKeyIdentifier=hash
            authorityKeyIdentifier=keyid
            """
        try serverExtensions.write(to: directory.appendingPathComponent("server.ext"), atomically: true, encoding: .utf8)
        try clientExtensions.write(to: directory.appendingPathComponent("client.ext"), atomically: true, encoding: .utf8)
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        for ca in ["ca", "other-ca"] {
            // openssl.cnf's v3_ca extensions make it a CA certificate.
            try openssl(
                ["req", "-x509"] + ec + ["-keyout", "\(ca).key", "-out", "\(ca).pem", "-days", "2", "-subj", "/CN=Meldingen test \(ca)"],
                in: directory
            )
        }
        for (leaf, commonName) in [("server", "127.0.0.1"), ("client", "meldingen-hub")] {
            try openssl(["req"] + ec + ["-keyout", "\(leaf).key", "-out", "\(leaf).csr", "-subj", "/CN=\(commonName)"], in: directory)
            try openssl(
                ["x509", "-req", "-in", "\(leaf).csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                 "-out", "\(leaf).pem", "-days", "2", "-extfile", "\(leaf).ext"],
                in: directory
            )
        }
        try openssl(
            ["pkey", "-in", "client.key", "-out", "client-encrypted.key", "-aes256", "-passout", "pass:sleutel-wachtwoord"],
            in: directory
        )
    }

    private static func openssl(_ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolFailed(
                tool: "openssl \(arguments.first ?? "")",
                output: String(decoding: output, as: UTF8.self)
            )
        }
    }

    /// The server prints its port once it listens, and exits when its standard input closes,
    /// so a crashed test run leaves no server behind.
    private static let script = """
        import http.server, os, ssl, sys, threading, time
        cert, key, ca = sys.argv[1:4]
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        context.load_verify_locations(ca)
        context.verify_mode = ssl.CERT_REQUIRED
        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def do_GET(self):
                subject = dict(pair[0] for pair in self.connection.getpeercert()["subject"])
                body = ("hello " + subject.get("commonName", "?")).encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def log_message(self, *args):
                pass
        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True
            def finish_request(self, request, client_address):
                connection = context.wrap_socket(request, server_side=True, do_handshake_on_connect=False)
                try:
                    connection.do_handshake()
                except (ssl.SSLError, OSError):
                    # Like a real server, give the client time to read the alert before the
                    # connection goes: closing at once makes the kernel reset it first.
                    time.sleep(0.5)
                    connection.close()
                    return
                try:
                    Handler(connection, client_address, self)
                finally:
                    connection.close()
        server = Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    private static func start(in directory: URL) throws -> MutualTLSServer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, "server.pem", "server.key", "ca.pem"]
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = Pipe()
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = readLine(output.fileHandleForReading.fileDescriptor, timeoutMilliseconds: 10_000)
        guard let line, let port = Int(line) else {
            kill(process.processIdentifier, SIGKILL)
            throw ToolFailed(tool: "python3 TLS server", output: "printed no port: \(line ?? "nothing")")
        }
        return MutualTLSServer(directory: directory, port: port, process: process)
    }

    /// One line from `fd`, or nil on end of file or when nothing comes in time.
    private static func readLine(_ fd: Int32, timeoutMilliseconds: Int32) -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, timeoutMilliseconds) > 0, read(fd, &byte, 1) == 1 else { return nil }
            if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
    }

    struct ToolFailed: Error, CustomStringConvertible {
        var tool: String
        var output: String
        var description: String { "\(tool) failed: \(output)" }
    }
}
