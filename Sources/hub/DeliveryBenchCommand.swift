import ArgumentParser
import Foundation
import Logging

/// `hub bench deliveries`: outbound deliveries/s beside the local receiver's own ceiling, and the
/// latency from a submitted report to its arrival at the receiver at a steady rate.
struct DeliveryBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliveries",
        abstract: "Deliveries/s to a local receiver beside its ceiling, and submit-to-arrival latency at a steady rate.",
        discussion: """
            Runs in a scratch database (created and dropped) on the same server. The receiver is an \
            HTTP server in this process on 127.0.0.1 that answers 204 at once. Its ceiling is \
            measured with the same libcurl client and concurrency, without the hub.
            """)

    @Option(help: "Deliveries for the throughput measurement.")
    var deliveries = 20_000

    @Option(help: "Deliveries in flight at once (the adapter's max_in_flight).")
    var inFlight = 64

    @Option(help: "Reports per second for the latency measurement.")
    var rate = 100

    @Option(help: "Seconds of the latency measurement.")
    var seconds = 10

    func run() async throws {
        Hub.bootstrapLogging(defaultLevel: .warning)
        #if DEBUG
        BenchOutput.show("warning: this is a debug build; measure with `swift run -c release hub bench deliveries`\n")
        #endif
        let logger = Logger(label: "hub.bench")
        let database = try await HubDatabase.open(logger: logger)
        do {
            try await ScratchDatabase.with(database, name: "hub_bench_deliveries_\(ProcessInfo.processInfo.processIdentifier)", logger: logger) { config in
                try await DeliveryBenchmark(
                    config: config, deliveries: deliveries, inFlight: inFlight, rate: rate, seconds: seconds, logger: logger
                ).run()
            }
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }
}
