import ArgumentParser
import Foundation
import Logging
import Postgres

struct ProjectionBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projections",
        abstract: "Rebuild speed of the report projection beside a raw read of the log, and search latency.",
        discussion: """
            Runs in a scratch database (created and dropped; needs CREATEDB) on the same server. It \
            generates --reports realistic reports (about 3 events each, with valid hash chains) in \
            five municipalities, then measures a full rebuild against a raw read of every event in \
            the same run, and the latency of --queries GPS-radius and address searches. With \
            --halves (the default), one more rebuild times its two halves apart: reading and folding \
            into memory (about 4.5 KB per report), then writing.
            """)

    @Option(help: "Reports to generate (about three events each).")
    var reports = 1_000_000

    @Option(help: "Searches of each kind to time.")
    var queries = 1_000

    @Option(help: "Alternating rounds of raw read and rebuild; the median is reported.")
    var rounds = 1

    @Flag(inversion: .prefixedNo, help: "Also time the rebuild's two halves apart (holds every folded row in memory).")
    var halves = true

    func run() async throws {
        Hub.bootstrapLogging()
        #if DEBUG
        BenchOutput.show("warning: this is a debug build; measure with `swift run -c release hub bench projections`\n")
        #endif
        let logger = Logger(label: "hub.bench")
        let database = try await HubDatabase.open(logger: logger)
        let scratch = "hub_bench_projections_\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try await ScratchDatabase.with(database, name: scratch, logger: logger) { owner in
                let benchmark = ProjectionBenchmark(
                    owner: owner, runtime: database.runtime.database(scratch), reports: max(1, reports),
                    queries: max(1, queries), rounds: max(1, rounds), halves: halves, logger: logger)
                try await benchmark.run()
            }
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }
}
