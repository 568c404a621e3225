import ArgumentParser
import Logging

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the SQL migrations of schemas/postgres that the database lacks (idempotent).")

    func run() async throws {
        Hub.bootstrapLogging(defaultLevel: .info)
        let logger = Logger(label: "hub.migrate")
        let database = try await HubDatabase.open(logger: logger)
        print("migrations are current on the \(database.summary)")
        await database.close()
    }
}
