import EventLog
import Foundation
import ReportDomain
import Projections
import Reports

/// One database with the whole scenario projected, shared by the tests that only read it.
enum ProjectedScenario {
    private static let shared = Task { () -> (Harness, Scenario) in
        let harness = try await Harness()
        let (projector, running) = harness.startProjector()
        let scenario = try await Scenario.play(harness.store)
        guard await projector.waitUntilProjected(scenario.lastPoint, timeout: .seconds(60)) else { throw TimedOut() }
        running.cancel()
        try await running.value
        return (harness, scenario)
    }

    static func get() async throws -> (Harness, Scenario) {
        try await shared.value
    }
}
