import ArgumentParser
import Foundation
import Logging

/// `hub bench http`: report submissions through `POST /api/v1/reports` beside two baselines run in
/// the same process: the same submissions without HTTP, and the server's own ceiling on a trivial route.
struct HTTPBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "http",
        abstract: "Submissions/s and p50/p99 latency through the HTTP API at N connections, beside baselines.",
        discussion: """
            Runs the hub in-process on 127.0.0.1 against a scratch database (created and dropped) on
            the same server, with the projector running: every POST waits until its report is readable
            (read-your-writes), as in production.
            """)

    @Option(help: "Seconds per measurement.")
    var seconds: Double = 5

    @Option(help: "Concurrent keep-alive connections.")
    var connections = 16

    func run() async throws {
        Hub.bootstrapLogging(defaultLevel: .warning)
        #if DEBUG
        BenchOutput.show("warning: this is a debug build; measure with `swift run -c release hub bench http`\n")
        #endif
        let logger = Logger(label: "hub.bench")
        let database = try await HubDatabase.open(logger: logger)
        do {
            try await ScratchDatabase.with(database, name: "hub_bench_http_\(ProcessInfo.processInfo.processIdentifier)", logger: logger) { config in
                try await HTTPBenchmark(config: config, seconds: seconds, connections: connections, logger: logger).run()
            }
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }
}
