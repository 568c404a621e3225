import Adapters
import ArgumentParser
import EventLog
import Foundation

/// `hub adapters check`: reads every adapter file as startup would and prints each file's problems.
struct AdaptersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adapters",
        abstract: "Work with the adapter files (adapters/*.yaml): one per connected system.",
        subcommands: [Check.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check every adapter file against the hub configuration, as startup does.",
            discussion: """
                Prints each file with ✓ or its problems as file:line: path: message. Exits with status 1
                when any file has an error (warnings alone do not fail). HUB_ADAPTERS_DIR overrides the
                folder (default: adapters/ beside schemas/); HUB_CONFIG the configuration file. Secrets
                named with ..._env must be set in the environment, as they must be for the hub to start.
                """)

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let configuration = try ConfigurationFile.load(environment: environment)
            let directory = try AdaptersCommand.directory(environment: environment)
            let files = try AdapterCatalog.files(in: directory)
            let issues = AdapterCatalog.check(directory: directory, configuration: configuration, environment: environment)
            if files.isEmpty { print("\(directory): no adapter files (*.yaml, *.yml)") }
            for file in files {
                let own = issues.filter { $0.file == file }
                if own.isEmpty {
                    print("✓ \(file)")
                } else {
                    let mark = own.contains { $0.severity == .error } ? "✗" : "✓"
                    print("\(mark) \(file)")
                    for issue in own { print("  \(issue)") }
                }
            }
            for issue in issues where !files.contains(issue.file) { print(issue) }
            let errors = issues.filter { $0.severity == .error }.count
            let warnings = issues.count - errors
            print("\(files.count) adapter file(s), \(errors) error(s), \(warnings) warning(s)")
            if errors > 0 { throw ExitCode(1) }
        }
    }

    /// HUB_ADAPTERS_DIR, else adapters/ beside the schemas/ folder the hub found.
    static func directory(environment: [String: String]) throws -> String {
        if let configured = environment["HUB_ADAPTERS_DIR"], !configured.isEmpty { return configured }
        return try SchemaDirectory.locate(environment: environment).deletingLastPathComponent().appendingPathComponent("adapters").path
    }
}
