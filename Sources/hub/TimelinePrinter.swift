import FieldSystems
import Foundation
import Synchronization

/// Prints the demo's timeline as it happens: the story's steps, and under each who told whom
/// what, in columns a person can follow.
final class TimelinePrinter: Sendable {
    private let lock = Mutex(())

    func narrate(_ text: String) {
        lock.withLock { _ in Swift.print("\n\(text)") }
    }

    func print(_ entry: TimelineEntry) {
        let time = entry.at.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true).time(includingFractionalSeconds: true))
        let route = "\(entry.from) → \(entry.to)"
        let padded = route.count >= 32 ? route + " " : route + String(repeating: " ", count: 32 - route.count)
        lock.withLock { _ in Swift.print("  \(time)  \(padded)\(entry.text)") }
    }
}
