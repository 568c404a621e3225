import Foundation
import Logging
import Postgres

/// The append-only event log: append with optimistic concurrency and idempotency, read one
/// stream, read everything in commit-safe order. Subscriptions are `LogFollower`s.
public final class EventStore: Sendable {
    /// The LISTEN/NOTIFY channel on which appends are announced.
    public static let channel = "hub_events"

    public let pool: PGPool
    let notifier: LogNotifier
    private let writer: LogWriter

    /// - Parameter notifyInterval: the least time between two NOTIFYs to other processes; this
    ///   process's followers are woken at once on every append.
    public init(pool: PGPool, notifyInterval: Duration = .milliseconds(5), logger: Logger = Logger(label: "hub.eventlog")) {
        self.pool = pool
        self.notifier = LogNotifier(pool: pool, channel: Self.channel, interval: notifyInterval)
        self.writer = LogWriter(pool: pool, notifier: notifier, logger: logger)
    }

    /// Appends events to one stream, all or none.
    ///
    /// Re-appending stored event ids returns what was stored and writes nothing. With
    /// `.any`, a lost race for the next version is retried; with `.noStream`/`.exact`, it is a
    /// `.conflict`, and the caller reloads the stream and decides again.
    @discardableResult
    public func append(
        _ events: [NewEvent], to stream: String, municipality: String, expected: ExpectedVersion
    ) async throws -> AppendResult {
        guard !events.isEmpty else { return AppendResult(stream: stream, events: []) }
        let append = StreamAppend(stream: stream, municipality: municipality, expected: expected, events: events)
        return try await writer.store([append])[0]
    }

    /// Appends to several streams in one round trip and one transaction: all or none. For bulk
    /// imports; each stream keeps its own expected version, and appears once.
    public func append(batch: [StreamAppend]) async throws -> [AppendResult] {
        let appends = batch.filter { !$0.events.isEmpty }
        guard !appends.isEmpty else { return batch.map { AppendResult(stream: $0.stream, events: []) } }
        let stored = try await writer.store(appends)
        let byStream = Dictionary(uniqueKeysWithValues: stored.map { ($0.stream, $0) })
        return batch.map { byStream[$0.stream] ?? AppendResult(stream: $0.stream, events: []) }
    }

    /// One stream's events from a version on, in stream order.
    public func readStream(_ stream: String, from version: Int64 = 1, limit: Int = 10_000) async throws -> [RecordedEvent] {
        let query: PGQuery = "SELECT * FROM hub.read_stream(\(stream), \(version), \(limit))"
        return try await read(query.prepared())
    }

    /// Events after `point` in commit-safe order: never one that could be followed later by an
    /// event that sorts before it.
    public func readAll(after point: LogPoint, limit: Int = 1_000) async throws -> [RecordedEvent] {
        let query: PGQuery =
            "SELECT * FROM hub.read_all(\(String(point.transactionID))::xid8, \(point.position), \(limit))"
        return try await read(query.prepared())
    }

    /// One page of `readAll`, and whether committed events after it are held back by an older
    /// open transaction, both seen in one snapshot: one statement, `hub.read_page`.
    ///
    /// Asked in two snapshots, the answer can be wrong: the holding transaction may end between
    /// the read and the question, which then says "nothing held back" about events the read
    /// missed. In one snapshot, "not held back" means that every event committed by then was
    /// read, and anything committed later announces itself.
    public func readPage(after point: LogPoint, limit: Int = 1_000) async throws -> (events: [RecordedEvent], heldBack: Bool) {
        let read: PGQuery =
            "SELECT * FROM hub.read_page(\(String(point.transactionID))::xid8, \(point.position), \(limit))"
        do {
            let result = try await pool.query(read.prepared())
            // A page without events is one row of NULL event columns, for `held_back`.
            let events = try result.rows.filter { !result.isNull(row: $0.index, column: 0) }.map(RecordedEvent.init(row:))
            let heldBack = result.rowCount > 0 ? try result.decode(Bool.self, row: 0, column: 12) : false
            return (events, heldBack)
        } catch let error as PGError {
            throw EventLogError(error, stream: nil, expected: nil)
        }
    }

    /// The reading point just after the event at a global position (for numeric cursors), or
    /// nil when no event has that position.
    public func point(afterPosition position: Int64) async throws -> LogPoint? {
        if position == 0 { return .start }
        let query: PGQuery = "SELECT * FROM hub.log_point_of(\(position))"
        let result = try await pool.query(query.prepared())
        guard result.rowCount == 1 else { return nil }
        return LogPoint(
            transactionID: try result.decode(UInt64.self, row: 0, column: 0),
            position: try result.decode(Int64.self, row: 0, column: 1))
    }

    /// The last reading point available now (`.start` for an empty log): followers that want
    /// only new events start here.
    public func endPoint() async throws -> LogPoint {
        let result = try await pool.query(PGQuery(sql: "SELECT * FROM hub.read_all_end()").prepared())
        guard result.rowCount == 1 else { return .start }
        return LogPoint(
            transactionID: try result.decode(UInt64.self, row: 0, column: 0),
            position: try result.decode(Int64.self, row: 0, column: 1))
    }

    private func read(_ query: PGQuery) async throws -> [RecordedEvent] {
        do {
            let result = try await pool.query(query)
            return try result.rows.map(RecordedEvent.init(row:))
        } catch let error as PGError {
            throw EventLogError(error, stream: nil, expected: nil)
        }
    }
}
