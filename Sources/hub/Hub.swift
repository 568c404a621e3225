import ArgumentParser
import Foundation
import Logging

/// The hub's command line. The only place that reads the environment and bootstraps logging.
@main
struct Hub: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hub",
        abstract: "The integration hub for public-space reports: one event log that every connected system syncs through.",
        discussion: """
            Without HUB_DATABASE_URL, the hub starts (and on exit stops) a private PostgreSQL
            under ./.hub. Environment: HUB_DATABASE_URL, HUB_MIGRATION_DATABASE_URL,
            HUB_SCHEMAS_DIR, HUB_POSTGRES_BIN, HUB_LOG_LEVEL (trace|debug|info|notice|warning|error).
            """,
        subcommands: [DemoCommand.self, ServeCommand.self, MigrateCommand.self, VerifyCommand.self, ProjectionsCommand.self, DeliveriesCommand.self, KeysCommand.self, AdaptersCommand.self, BenchCommand.self],
        defaultSubcommand: DemoCommand.self
    )

    /// Logs go to standard error, at HUB_LOG_LEVEL (default `notice` for the CLI's own output to stand out).
    static func bootstrapLogging(defaultLevel: Logger.Level = .notice) {
        let level = ProcessInfo.processInfo.environment["HUB_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? defaultLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
