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
        try await handle([ReportCommandStep(command, idempotencyKey: idempotencyKey, metadata: metadata)], policy: policy)[0]
    }

    /// Decides several commands on one report in turn, each on the state the ones before leave,
    /// and stores all their events in one append: all or none, one round trip, one commit. A
    /// submission and its routing are stored this way, so that no report is ever submitted but
    /// not yet routed, and followers see both at once.
    ///
    /// When the first step's events are stored already (its idempotency key was used), this is a
    /// repeated request: the first step's earlier outcome is the only one returned, and the later
    /// steps are not decided again.
    ///
    /// - Returns: one outcome per step decided, in order.
    public func handle(_ steps: [ReportCommandStep], policy: MunicipalityPolicy) async throws -> [Outcome] {
        guard let first = steps.first else { return [] }
        guard steps.allSatisfy({ $0.command.reportID == first.command.reportID }) else {
            throw ReportsError.stepsOnSeveralReports
        }
        // A submission names a report that does not exist yet, so its first attempt appends without
        // reading the stream first: one round trip less for every new report. The append expects
        // no stream; if there is one (a repeated request, or a clash), the attempt stores nothing
        // and the command is handled as any other, from the stream as stored.
        var assumeNew = first.command.submittedMunicipality != nil
        var attempt = 0
        while true {
            attempt += 1
            let (recorded, state) = assumeNew ? ([], nil) : try await loadRecorded(first.command.reportID)
            let version = recorded.last?.streamVersion ?? 0
            if let key = first.idempotencyKey, let earlier = try earlierOutcome(of: key, in: recorded, state: state) {
                return [earlier]
            }
            var decided: [(events: [ReportEvent], report: Report?)] = []
            var newEvents: [NewEvent] = []
            var current = state
            for step in steps {
                let events = try Report.decide(step.command, state: current, policy: policy)
                var metadata = step.metadata ?? EventMetadata(actor: step.command.actor.metadataName)
                // A later step is caused by the one before it, unless the caller said otherwise.
                if metadata.causationID == nil, let cause = newEvents.last {
                    metadata.causationID = cause.id.uuidString.lowercased()
                }
                for (index, event) in events.enumerated() {
                    newEvents.append(NewEvent(
                        id: step.idempotencyKey.map { EventID.derived(from: $0, index: index) } ?? UUID(),
                        type: event.eventType, schemaVersion: event.schemaVersion,
                        data: Array(try event.encodedData()), metadata: metadata))
                }
                current = events.reduce(current) { Report.evolve($0, $1) }
                decided.append((events, current))
            }
            do {
                let municipality = (state?.municipality ?? first.command.submittedMunicipality)?.rawValue ?? policy.municipality.rawValue
                let appended = try await store.append(
                    newEvents, to: first.command.reportID.streamName, municipality: municipality,
                    expected: version == 0 ? .noStream : .exact(version))
                if assumeNew, appended.events.contains(where: \.wasDuplicate) {
                    // These event ids were stored by an earlier request with the same key.
                    assumeNew = false
                    continue
                }
                var stored = appended.events[...]
                return try decided.map { events, report in
                    guard let report else { throw ReportsError.notFound(first.command.reportID) }
                    let mine = AppendResult(stream: appended.stream, events: Array(stored.prefix(events.count)))
                    stored = stored.dropFirst(events.count)
                    return Outcome(report: report, events: events, appended: mine)
                }
            } catch let error as EventLogError
                        where assumeNew && [.conflict, .partialDuplicate, .municipalityMismatch].contains(error.code) {
                assumeNew = false
                attempt -= 1
                continue
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
