import ArgumentParser
import EventLog
import Foundation
import HubConfig
import Logging
import Postgres
import Projections
import ReportDomain
import Synchronization

struct ProjectionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projections",
        abstract: "Manage the read models folded from the log.",
        subcommands: [Rebuild.self])

    struct Rebuild: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rebuild",
            abstract: "Empty the report read models and refill them from the whole log, in one transaction.",
            discussion: """
                Reads of the read models wait while it runs; a running `hub serve` continues from the \
                rebuild's checkpoint afterwards. Use it after changing how reports are projected or \
                after changing a municipality's public status labels.
                """)

        func run() async throws {
            Hub.bootstrapLogging()
            let logger = Logger(label: "hub.projections")
            let configuration = try ConfigurationFile.load()
            let policy: @Sendable (MunicipalityCode) -> MunicipalityPolicy = { configuration.policy(for: $0) }
            let display = RebuildDisplay(interactive: isatty(STDOUT_FILENO) == 1)
            let result = try await HubDatabase.withRuntimePool(logger: logger, connections: 2) { _, pool in
                try await ProjectionRebuild.run(pool: pool, policy: policy, progress: { display.show($0) }, logger: logger)
            }
            display.end()
            let timing = String(format: "%.1f s (%.0f events/s)", seconds(result.duration), result.eventsPerSecond)
            print("rebuilt the report projection: \(result.reports) reports from \(result.events) events in \(timing); checkpoint \(result.point)")
        }
    }
}

private func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Shows a rebuild's progress: a bar redrawn in place on a terminal, a line every few seconds
/// otherwise (logs, CI).
private final class RebuildDisplay: Sendable {
    private let interactive: Bool
    private let started = ContinuousClock.now
    private let last = Mutex<(shown: ContinuousClock.Instant?, drawn: Bool)>((nil, false))

    init(interactive: Bool) {
        self.interactive = interactive
    }

    func show(_ progress: ProjectionRebuild.Progress) {
        let now = ContinuousClock.now
        let due = last.withLock { state -> Bool in
            let interval: Duration = interactive ? .milliseconds(100) : .seconds(5)
            if !progress.finishing, let shown = state.shown, now - shown < interval { return false }
            state.shown = now
            state.drawn = true
            return true
        }
        guard due else { return }
        let elapsed = seconds(now - started)
        let rate = elapsed > 0 ? Double(progress.eventsRead) / elapsed : 0
        let total = max(progress.estimatedEvents, progress.eventsRead)
        let fraction = total > 0 ? Double(progress.eventsRead) / Double(total) : 1
        let counts = "\(progress.eventsRead) / ~\(total) events, \(progress.reportsRead) reports, \(String(format: "%.0f", rate)) events/s"
        let phase = progress.finishing ? " — building indexes and committing" : ""
        if interactive {
            let width = 30
            let filled = min(width, Int(fraction * Double(width)))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            print("\r\(bar) \(String(format: "%3.0f", fraction * 100))%  \(counts)\(phase)\u{1B}[K", terminator: "")
            fflush(nil)
        } else {
            print("rebuild: \(String(format: "%.0f", fraction * 100))% — \(counts)\(phase)")
        }
    }

    func end() {
        if interactive, last.withLock({ $0.drawn }) { print("") }
    }
}
