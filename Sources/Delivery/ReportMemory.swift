import EventLog
import Foundation
import ReportDomain

/// The scheduler's memory of recent reports' states, so that an event does not make it replay the
/// report's stream: bounded, two generations (roughly least recently used). On a miss, or when the
/// remembered state is not the one right before the event, the stream is replayed up to it.
struct ReportMemory {
    let capacity: Int
    private var recent: [ReportID: (report: Report, version: Int64)] = [:]
    private var older: [ReportID: (report: Report, version: Int64)] = [:]

    init(capacity: Int) {
        self.capacity = max(2, capacity)
    }

    /// The report as it was before its event number `version` (nil before its first).
    mutating func state(of id: ReportID, before version: Int64, store: EventStore) async throws -> Report? {
        if version <= 1 { return nil }
        if let known = recent[id] ?? older[id], known.version == version - 1 { return known.report }
        return Self.replay(try await store.readStream(id.streamName, from: 1, limit: Int(version - 1)))
    }

    /// The report as the scheduler last saw it, else as stored now (nil when it has no events).
    /// For another report than the event's — a main report and its duplicates (rule 6) — whose
    /// state at the event is its latest: the log is read in order.
    mutating func current(of id: ReportID, store: EventStore) async throws -> Report? {
        if let known = recent[id] ?? older[id] { return known.report }
        let events = try await store.readStream(id.streamName, from: 1, limit: Int(Int32.max))
        guard let last = events.last else { return nil }
        let replayed = Self.replay(events)
        if let replayed { remember(replayed, id: id, version: last.streamVersion) }
        return replayed
    }

    /// The state the events lead to; an event this version cannot read is left out, as the
    /// scheduler leaves it undelivered.
    private static func replay(_ events: [RecordedEvent]) -> Report? {
        Report.replay(events.compactMap {
            try? ReportEvent.decode(eventType: $0.type, schemaVersion: $0.schemaVersion, data: Data($0.data))
        })
    }

    mutating func remember(_ report: Report, id: ReportID, version: Int64) {
        older.removeValue(forKey: id)
        recent[id] = (report, version)
        if recent.count >= capacity / 2 {
            older = recent
            recent = [:]
        }
    }
}
