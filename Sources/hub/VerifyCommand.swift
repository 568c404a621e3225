import ArgumentParser
import EventLog
import Logging
import Postgres

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute every stream's hash chain; name the first broken event of each broken stream.",
        discussion: "Exits with status 1 when a chain is broken.")

    func run() async throws {
        Hub.bootstrapLogging()
        let logger = Logger(label: "hub.verify")
        let report = try await HubDatabase.withRuntimePool(logger: logger, connections: 1) { _, pool in
            try await ChainVerifier(pool: pool).verify()
        }
        print("checked \(report.eventsChecked) events in \(report.streamsChecked) streams")
        if report.isIntact {
            print("every hash chain is intact")
            return
        }
        for broken in report.breaks { print("BROKEN: \(broken)") }
        throw ExitCode(1)
    }
}
