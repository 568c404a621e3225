import Foundation
import Synchronization

/// What the simulated systems said to the hub and heard from it, in order. The demo prints it as
/// it happens; tests read it to see who was told what.
public final class Timeline: Sendable {
    private let state = Mutex<[TimelineEntry]>([])
    private let onEntry: @Sendable (TimelineEntry) -> Void

    /// - Parameter onEntry: called for each entry as it is recorded (the demo prints it).
    public init(onEntry: @escaping @Sendable (TimelineEntry) -> Void = { _ in }) {
        self.onEntry = onEntry
    }

    public func record(from: String, to: String, _ text: String) {
        let entry = TimelineEntry(from: from, to: to, text: text)
        state.withLock { $0.append(entry) }
        onEntry(entry)
    }

    public var entries: [TimelineEntry] {
        state.withLock { $0 }
    }
}
