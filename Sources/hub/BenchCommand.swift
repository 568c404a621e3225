import ArgumentParser

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the hub against its database's own ceiling, in one run (use a release build).",
        subcommands: [AppendBenchCommand.self, ProjectionBenchCommand.self, HTTPBenchCommand.self, DeliveryBenchCommand.self])
}
