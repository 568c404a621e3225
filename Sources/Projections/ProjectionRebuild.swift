import EventLog
import Logging
import Postgres
import ReportDomain

/// Empties the report read models and refills them from the whole log, in one transaction.
///
/// It builds exactly what the live projector builds (the same fold and row functions), only
/// faster: one REPEATABLE READ snapshot reads every event below the log's horizon (the
/// commit-safe rule of `EventStore.readPage`) ordered by stream, so only one report is in memory
/// at a time; a second connection truncates the tables, drops their search indexes, loads the
/// rows with COPY, builds the indexes once at the end and saves the checkpoint — the highest
/// point read — in the same transaction. Reading and folding overlap with loading.
///
/// While it runs, reads of the read models wait (TRUNCATE locks the tables until commit), and
/// the live projector's next batch waits and then continues from the rebuild's checkpoint.
/// Its writing transaction is open from start to end, so every follower of the log in the
/// cluster (deliveries, other projections) reads nothing newer until it commits: the cost of
/// one atomic swap. Run it when a short pause of the live feeds is acceptable.
///
/// Where the time goes (200,000 reports, 600,000 events, this 2-core machine): the reading
/// connection and the Swift fold take about 13 s together and overlap with the writing
/// connection's COPY (about 13 s: the two jsonb documents per report are the largest part);
/// building the search indexes at the end takes about 8.5 s more (the Dutch tsvector GIN
/// index alone 3.6 s). The single writing backend is the limit.
public enum ProjectionRebuild {
    /// What a rebuild did.
    public struct Result: Sendable, Hashable {
        public var events: Int
        public var reports: Int
        public var duration: Duration
        /// The checkpoint it saved: the projector continues after it.
        public var point: LogPoint

        public var eventsPerSecond: Double {
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            return seconds > 0 ? Double(events) / seconds : 0
        }
    }

    /// How far a running rebuild is.
    public struct Progress: Sendable, Hashable {
        public var eventsRead: Int
        public var reportsRead: Int
        /// The planner's estimate of the events to read (exact for small logs); 0 when unknown.
        public var estimatedEvents: Int
        /// True for the last call, while the indexes are built and the transaction commits.
        public var finishing: Bool
    }

    /// Events fetched per round trip and handed to the writer per chunk.
    static let chunkSize = 4_000

    /// Rebuilds the report read models; `pool` needs two connections (one reads, one writes).
    public static func run(
        pool: PGPool, policy: @escaping @Sendable (MunicipalityCode) -> MunicipalityPolicy,
        progress: (@Sendable (Progress) -> Void)? = nil, logger: Logger = Logger(label: "hub.projection.rebuild")
    ) async throws -> Result {
        guard pool.maxConnections >= 2 else {
            throw ProjectionError(code: .poolTooSmall, message: "a rebuild needs a pool of at least two connections")
        }
        let started = ContinuousClock.now
        let handoff = RebuildHandoff<RebuildChunk>(capacity: 3)
        let reading = Task {
            do {
                return try await pool.withConnection { connection in
                    try RebuildReader(policy: policy, progress: progress).read(on: connection, into: handoff)
                }
            } catch {
                handoff.fail(error)
                throw error
            }
        }
        let writing = Task {
            do {
                return try await pool.withConnection { connection in
                    try RebuildWriter.write(from: handoff, on: connection)
                }
            } catch {
                handoff.fail(error)
                throw error
            }
        }
        let read: RebuildReader.Summary
        let point: LogPoint
        do {
            read = try await reading.value
            point = try await writing.value
        } catch {
            // The first failure is the cause; the other side only stopped because of it.
            _ = try? await writing.value
            if let error = error as? PGError { throw ProjectionError.database(error) }
            throw error
        }
        let result = Result(events: read.events, reports: read.reports, duration: ContinuousClock.now - started, point: point)
        logger.info(
            "report projection rebuilt",
            metadata: [
                "rebuild.events": "\(result.events)", "rebuild.reports": "\(result.reports)",
                "rebuild.duration": "\(result.duration)", "projection.checkpoint": "\(result.point)",
            ])
        return result
    }
}

/// One chunk of rows for the writer; the last one carries the checkpoint.
struct RebuildChunk: Sendable {
    var rows: ProjectionRows
    var point: LogPoint?
}
