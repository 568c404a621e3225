import EventLog
import Foundation
import ReportDomain

/// Runs report commands against the log: loads the report's stream, lets the domain decide,
/// and appends the resulting events at the version it read (optimistic concurrency).
///
/// A lost race is retried on the fresh state; an idempotency key makes a retried request (the
/// same key) return what the first one stored instead of acting twice.
public struct ReportCommandHandler: Sendable {
    public let store: EventStore
    public var maxAttempts: Int

    public init(store: EventStore, maxAttempts: Int = 5) {
        self.store = store
        self.maxAttempts = maxAttempts
    }

    /// The outcome of one command.
    public struct Outcome: Sendable {
        /// The report after the command.
        public var report: Report
        /// The events the command caused, as stored (empty when the domain had nothing to record).
        public var events: [ReportEvent]
        /// Where they were stored.
        public var appended: AppendResult
    }

    /// Decides and stores one command.
    ///
    /// - Parameters:
    ///   - idempotencyKey: the caller's request id; the same key yields the same event ids, so a
    ///     repeated request stores nothing new.
    ///   - metadata: who asked and how it correlates; `actor` defaults from the command.
    public func handle(
        _ command: ReportCommand, policy: MunicipalityPolicy, idempotencyKey: String? = nil,
        metadata: EventMetadata? = nil
    ) async throws -> Outcome {
        var attempt = 0
        while true {
            attempt += 1
            let (recorded, state) = try await loadRecorded(command.reportID)
            let version = recorded.last?.streamVersion ?? 0
            if let key = idempotencyKey, let earlier = try earlierOutcome(of: key, in: recorded, state: state) {
                return earlier
            }
            let events = try Report.decide(command, state: state, policy: policy)
            let metadata = metadata ?? EventMetadata(actor: command.actor.metadataName)
            let newEvents = try events.enumerated().map { index, event in
                NewEvent(
                    id: idempotencyKey.map { EventID.derived(from: $0, index: index) } ?? UUID(),
                    type: event.eventType, schemaVersion: event.schemaVersion,
                    data: Array(try event.encodedData()), metadata: metadata)
            }
            do {
                let municipality = (state?.municipality ?? command.submittedMunicipality)?.rawValue ?? policy.municipality.rawValue
                let appended = try await store.append(
                    newEvents, to: command.reportID.streamName, municipality: municipality,
                    expected: version == 0 ? .noStream : .exact(version))
                let report = events.reduce(state) { Report.evolve($0, $1) }
                guard let report else { throw ReportsError.notFound(command.reportID) }
                return Outcome(report: report, events: events, appended: appended)
            } catch let error as EventLogError where error.code == .conflict && attempt < maxAttempts {
                continue
            }
        }
    }

    /// The report's current state and stream version (nil and 0 when it does not exist).
    public func load(_ id: ReportID) async throws -> (Report?, Int64) {
        let (recorded, report) = try await loadRecorded(id)
        return (report, recorded.last?.streamVersion ?? 0)
    }

    private func loadRecorded(_ id: ReportID) async throws -> ([RecordedEvent], Report?) {
        let recorded = try await store.readStream(id.streamName)
        return (recorded, Report.replay(try recorded.map(Self.decode)))
    }

    /// What a request with this key stored before, if it did: a retry must get the first answer,
    /// not a refusal because the state has moved on (a confirmed report cannot be confirmed again).
    private func earlierOutcome(of key: String, in recorded: [RecordedEvent], state: Report?) throws -> Outcome? {
        let first = EventID.derived(from: key, index: 0)
        guard let start = recorded.firstIndex(where: { $0.id == first }), let state else { return nil }
        var stored: [RecordedEvent] = []
        for event in recorded[start...] where event.id == EventID.derived(from: key, index: stored.count) {
            stored.append(event)
        }
        return Outcome(
            report: state, events: try stored.map(Self.decode),
            appended: AppendResult(
                stream: state.id.streamName,
                events: stored.map { .init(eventID: $0.id, streamVersion: $0.streamVersion, point: $0.point, wasDuplicate: true) }))
    }

    private static func decode(_ event: RecordedEvent) throws -> ReportEvent {
        try ReportEvent.decode(eventType: event.type, schemaVersion: event.schemaVersion, data: Data(event.data))
    }
}
