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
        let database = try await HubDatabase.open(logger: logger)
        let pool = PGPool(config: database.runtime, maxConnections: 1, logger: logger)
        let report: ChainVerifier.Report
        do {
            report = try await ChainVerifier(pool: pool).verify()
        } catch {
            await pool.close()
            await database.close()
            throw error
        }
        await pool.close()
        await database.close()
        print("checked \(report.eventsChecked) events in \(report.streamsChecked) streams")
        if report.isIntact {
            print("every hash chain is intact")
            return
        }
        for broken in report.breaks { print("BROKEN: \(broken)") }
        throw ExitCode(1)
    }
}
