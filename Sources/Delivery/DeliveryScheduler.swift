import EventLog
import Foundation
import Logging
import Postgres
import ReportDomain
import ServiceLifecycle

/// Turns the log into deliveries: every event, for every adapter whose subscription takes it, one
/// row of `hub.deliveries` with the body rendered for that adapter from the report as it was right
/// after the event. A ServiceLifecycle service.
///
/// It resumes from its checkpoint (subscriber `delivery.scheduler`), catches up and follows the log
/// live through LISTEN/NOTIFY; each batch's rows and the checkpoint commit in one transaction, and a
/// row that exists already is left alone, so a crash or a second hub process never loses or doubles
/// a delivery. Adding an adapter later gives it the events from then on, not the history.
public final class DeliveryScheduler: Service, Sendable {
    /// The checkpoint's subscriber name.
    public static let subscriber = "delivery.scheduler"

    let store: EventStore
    let listener: PGListener
    let pool: PGPool
    let targets: [DeliveryTarget]
    let publicURL: String
    let logger: Logger
    let batchSize: Int
    let cacheCapacity: Int
    /// Called after each commit that wrote deliveries, so that workers in this process start at
    /// once instead of on the database's notification.
    let onScheduled: @Sendable () -> Void

    public init(
        store: EventStore, listener: PGListener, pool: PGPool, targets: [DeliveryTarget], publicURL: String,
        onScheduled: @escaping @Sendable () -> Void = {}, logger: Logger = Logger(label: "hub.delivery.scheduler"), batchSize: Int = 500,
        cacheCapacity: Int = 20_000
    ) {
        self.store = store
        self.listener = listener
        self.pool = pool
        self.targets = targets
        self.publicURL = publicURL
        self.onScheduled = onScheduled
        self.logger = logger
        self.batchSize = max(1, batchSize)
        self.cacheCapacity = cacheCapacity
    }

    public func run() async throws {
        guard !targets.isEmpty else {
            try? await gracefulShutdown()
            return
        }
        await Subscriber.run("the delivery scheduler", logger: logger) { try await follow() }
    }

    private func follow() async throws {
        var point = try await CheckpointStore(pool: pool).load(Self.subscriber)
        var reports = ReportMemory(capacity: cacheCapacity)
        logger.info("delivery scheduler starting", metadata: ["delivery.checkpoint": "\(point)", "delivery.adapters": "\(targets.count)"])
        // Held-back events (an earlier transaction still open) are read again after 2 ms, not the
        // default 20: the workers' own short transactions hold the log back often, and every
        // millisecond here is a millisecond of the receiver's wait.
        let follower = LogFollower(store: store, listener: listener, batchSize: batchSize, heldBackRetry: .milliseconds(2))
        try await follower.forEachBatch(after: point, limit: batchSize) { batch in
            let rows = try await deliveries(for: batch, reports: &reports)
            point = try await commit(rows, through: batch[batch.count - 1].point, after: point)
        }
    }

    /// The rows a batch of events makes, in log order.
    func deliveries(for batch: [RecordedEvent], reports: inout ReportMemory) async throws -> [DeliveryRow] {
        var rows: [DeliveryRow] = []
        for recorded in batch {
            guard let id = ReportID(streamName: recorded.stream) else { continue }
            let event: ReportEvent
            do {
                event = try ReportEvent.decode(eventType: recorded.type, schemaVersion: recorded.schemaVersion, data: Data(recorded.data))
            } catch {
                logger.error(
                    "an event this version cannot read is not delivered",
                    metadata: ["event.id": "\(recorded.id)", "event.type": "\(recorded.type)", "error": "\(error.code)"])
                continue
            }
            let before = try await reports.state(of: id, before: recorded.streamVersion, store: store)
            guard let report = Report.evolve(before, event) else { continue }
            reports.remember(report, id: id, version: recorded.streamVersion)
            var main: Report?
            if let mainID = report.mainReportID {
                main = try await reports.current(of: mainID, store: store)
            }
            for target in targets {
                if let row = try delivery(of: recorded, event: event, report: report, main: main, for: target) {
                    rows.append(row)
                }
            }
            guard !report.duplicateIDs.isEmpty, event.reachesDuplicates else { continue }
            // Rule 6: the reporters of the reports merged under this one follow it. A system with
            // its own format (an app) hears of the event as of each duplicate, in the duplicate's
            // words and numbers; CloudEvents carry the event itself, which their receivers have had.
            for duplicateID in report.duplicateIDs {
                guard let duplicate = try await reports.current(of: duplicateID, store: store), duplicate.mainReportID == id else {
                    continue
                }
                for target in targets where target.format.isCustom {
                    if let row = try delivery(of: recorded, event: event, report: duplicate, main: report, for: target) {
                        rows.append(row)
                    }
                }
            }
        }
        return rows
    }

    /// The target's delivery of one event for one report (the event's own, or a duplicate merged
    /// under it), or nil when its subscription does not take it.
    func delivery(
        of recorded: RecordedEvent, event: ReportEvent, report: Report, main: Report? = nil, for target: DeliveryTarget
    ) throws -> DeliveryRow? {
        // Redaction first: the filter and the renderer only ever see what the adapter may see.
        guard let visible = event.redacted(for: target.recipient) else { return nil }
        let data = target.recipient.hasProcessingAgreement ? recorded.data : Array(try visible.encodedData())
        var seen = DeliveryEvent(
            recorded: recorded, event: visible, report: report.redacted(for: target.recipient), data: data,
            main: main?.redacted(for: target.recipient))
        guard target.filter(seen) else { return nil }
        let body: DeliveryBody
        switch target.format {
        case .cloudEvents:
            let cloudEvent = CloudEvent(recorded, data: data, occurredAt: event.occurredAt, publicURL: publicURL)
            body = DeliveryBody(contentType: "application/cloudevents+json", body: try cloudEvent.json())
        case .custom(let render):
            // Decided on the whole report (rule 5), and only where a template may use it.
            seen.notification = target.notification(event, report)
            do {
                guard let rendered = try render(seen) else { return nil }
                body = rendered
            } catch {
                logger.warning(
                    "the adapter's format has no rendering for this event; not delivered",
                    metadata: ["adapter": "\(target.name)", "event.id": "\(recorded.id)", "error": "\(error)"])
                return nil
            }
        }
        return DeliveryRow(adapter: target.name, event: recorded, reportID: report.id.uuid, body: body)
    }

    /// Writes the rows and the checkpoint in one statement (`hub.schedule_delivery_batch`), which
    /// takes the checkpoint's lock and compares first: when another process moved it, this one's
    /// batch is not the next and it starts again from there (its rows would be duplicates, which
    /// the insert ignores anyway).
    private func commit(_ rows: [DeliveryRow], through last: LogPoint, after expected: LogPoint) async throws -> LogPoint {
        let result = try await pool.query(Self.scheduleQuery(rows, subscriber: Self.subscriber, from: expected, to: last))
        if try result.decode(Bool.self, row: 0, column: 1) {
            throw CheckpointMoved(point: LogPoint(
                transactionID: try result.decode(UInt64.self, row: 0, column: 2), position: try result.decode(Int64.self, row: 0, column: 3)))
        }
        if try result.decode(Int.self, row: 0, column: 0) > 0 { onScheduled() }
        return last
    }

    static func scheduleQuery(_ rows: [DeliveryRow], subscriber: String, from expected: LogPoint, to last: LogPoint) -> PGQuery {
        let adapters = rows.map { Optional($0.adapter) }
        let eventIDs = rows.map { Optional($0.event.id.uuidString) }
        let positions = rows.map { Optional(String($0.event.position)) }
        let reports = rows.map { Optional($0.reportID.uuidString) }
        let versions = rows.map { Optional(String($0.event.streamVersion)) }
        let types = rows.map { Optional($0.event.type) }
        let contentTypes = rows.map { Optional($0.body.contentType) }
        let bodies = rows.map { Optional(String(decoding: $0.body.body, as: UTF8.self)) }
        let markers = rows.map(\.body.theirIDMarker)
        let query: PGQuery = """
            SELECT * FROM hub.schedule_delivery_batch(\(subscriber), \(String(expected.transactionID))::xid8, \(expected.position), \
            \(String(last.transactionID))::xid8, \(last.position), \
            \(PGArray(adapters))::text[], \(PGArray(eventIDs))::uuid[], \
            \(PGArray(positions))::bigint[], \(PGArray(reports))::uuid[], \(PGArray(versions))::bigint[], \
            \(PGArray(types))::text[], \(PGArray(contentTypes))::text[], \(PGArray(bodies))::text[], \(PGArray(markers))::text[])
            """
        return query.prepared()
    }
}
