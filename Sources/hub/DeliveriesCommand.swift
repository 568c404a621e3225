import ArgumentParser
import Delivery
import Foundation
import Logging

struct DeliveriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliveries",
        abstract: "See the adapters' outbound deliveries and act on them.",
        subcommands: [List.self, Redeliver.self, Enable.self],
        defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Each adapter's health (backlog, dead letters, circuit), then its deliveries, newest first.")

        @Option(help: "Only this adapter.")
        var adapter: String?

        @Option(help: "Only deliveries in this state: pending, in_flight, delivered or dead.")
        var state: String?

        @Option(help: "How many deliveries to show.")
        var limit = 20

        func validate() throws {
            if let state, !DeliveryQueries.states.contains(state) {
                throw ValidationError("--state must be one of \(DeliveryQueries.states.sorted().joined(separator: ", "))")
            }
        }

        func run() async throws {
            Hub.bootstrapLogging()
            let (health, deliveries) = try await HubDatabase.withRuntimePool(logger: Logger(label: "hub.deliveries"), connections: 1) { _, pool in
                let queries = DeliveryQueries(pool: pool)
                return (try await queries.health(), try await queries.list(adapter: adapter, state: state, limit: limit))
            }
            let shown = health.filter { adapter == nil || $0.adapter == adapter }
            if shown.isEmpty {
                print("no deliveries yet")
                return
            }
            print(Self.table(
                ["adapter", "condition", "pending", "in flight", "dead", "oldest pending", "failures"],
                shown.map { [
                    $0.adapter, $0.condition, String($0.pending), String($0.inFlight), String($0.dead),
                    $0.oldestPendingAt.map(Self.moment) ?? "-", String($0.consecutiveFailures),
                ] }))
            guard !deliveries.isEmpty else { return }
            print("")
            print(Self.table(
                ["id", "adapter", "state", "attempts", "event", "report", "last status", "last error"],
                deliveries.map { [
                    String($0.id), $0.adapter, $0.state, String($0.attempts), "\($0.eventType) #\($0.streamVersion)",
                    String($0.reportID.uuidString.lowercased().prefix(8)), $0.lastStatus.map(String.init) ?? "-",
                    String(($0.lastError ?? "").prefix(60)),
                ] }))
        }

        static func moment(_ date: Date) -> String {
            date.formatted(.iso8601)
        }

        /// Columns padded to their widest cell.
        static func table(_ header: [String], _ rows: [[String]]) -> String {
            let all = [header] + rows
            let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
            return all.map { row in
                zip(row, widths).map { $0.0.padding(toLength: $0.1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                    .trimmingCharacters(in: .whitespaces)
            }.joined(separator: "\n")
        }
    }

    struct Redeliver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "redeliver",
            abstract: "Send dead (or delivered) deliveries again, under their own webhook-id, with a fresh retry schedule.")

        @Argument(help: "Delivery ids (from `hub deliveries list`).")
        var ids: [Int64] = []

        @Option(help: "Every dead delivery of this adapter.")
        var deadOf: String?

        func validate() throws {
            if ids.isEmpty == (deadOf == nil) {
                throw ValidationError("give delivery ids, or --dead-of ADAPTER, not both")
            }
        }

        func run() async throws {
            Hub.bootstrapLogging()
            let count = try await HubDatabase.withRuntimePool(logger: Logger(label: "hub.deliveries"), connections: 1) { _, pool in
                let queries = DeliveryQueries(pool: pool)
                if let deadOf { return try await queries.redeliverDead(adapter: deadOf) }
                return try await queries.redeliver(ids: ids)
            }
            print("\(count) deliver\(count == 1 ? "y" : "ies") pending again; a running hub sends them now")
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enable",
            abstract: "Send to an adapter's endpoint again after it answered 410 Gone or was paused for its failures.")

        @Argument(help: "The adapter's name.")
        var adapter: String

        func run() async throws {
            Hub.bootstrapLogging()
            let changed = try await HubDatabase.withRuntimePool(logger: Logger(label: "hub.deliveries"), connections: 1) { _, pool in
                try await DeliveryQueries(pool: pool).enable(adapter: adapter)
            }
            print(changed ? "\(adapter): enabled; its waiting deliveries go out now" : "\(adapter): was neither disabled nor paused")
        }
    }
}
