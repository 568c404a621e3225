import ArgumentParser
import EventLog
import Foundation
import Logging
import Postgres

struct AppendBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append",
        abstract: "Appends/s to the event log beside raw INSERTs of the same payload into a plain table.",
        discussion: """
            Runs in a scratch database (created and dropped; needs CREATEDB) on the same server,
            same clients, same durability. Each figure is the median of --rounds runs of
            --seconds each; hub and raw runs alternate so that drift hits both alike.
            """)

    @Option(help: "Seconds per measurement.")
    var seconds: Double = 2

    @Option(help: "Alternating rounds per measurement; the median is reported.")
    var rounds = 3

    @Option(help: "Events per batch in the batched measurements.")
    var batchSize = 100

    func run() async throws {
        Hub.bootstrapLogging()
        #if DEBUG
        BenchOutput.show("warning: this is a debug build; measure with `swift run -c release hub bench append`\n")
        #endif
        let logger = Logger(label: "hub.bench")
        let database = try await HubDatabase.open(logger: logger)
        let scratch = "hub_bench_\(ProcessInfo.processInfo.processIdentifier)"
        let admin = PGPool(config: database.owner, maxConnections: 1, logger: logger)
        do {
            // Separate statements: DROP/CREATE DATABASE refuse to run inside one implicit transaction.
            try await admin.withConnection { connection in
                try connection.execute("DROP DATABASE IF EXISTS \(scratch)")
                try connection.execute("CREATE DATABASE \(scratch)")
            }
            let benchmark = AppendBenchmark(
                config: database.owner.database(scratch), seconds: seconds, rounds: rounds, batchSize: batchSize, logger: logger)
            try await benchmark.prepare()
            try await benchmark.runAll()
        } catch {
            _ = try? await admin.withConnection { try $0.execute("DROP DATABASE IF EXISTS \(scratch) WITH (FORCE)") }
            await admin.close()
            await database.close()
            throw error
        }
        try await admin.withConnection { try $0.execute("DROP DATABASE IF EXISTS \(scratch) WITH (FORCE)") }
        await admin.close()
        await database.close()
    }
}
