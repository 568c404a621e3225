import EventLog
import class Foundation.ProcessInfo
import Logging
import NIOPosix
import Postgres
import ReportDomain

/// Empties the report read models and refills them from the whole log, in one transaction.
///
/// It builds exactly what the live projector builds (the same fold and row functions), only
/// faster: one REPEATABLE READ snapshot reads every event below the log's horizon (the
/// commit-safe rule of `EventStore.readPage`) ordered by stream, and hands whole reports to
/// several folding threads; a second connection truncates the tables, drops their search
/// indexes, loads the folded rows with COPY, builds the indexes once at the end and saves the
/// checkpoint — the highest point read — in the same transaction. Reading, folding and loading
/// overlap.
///
/// While it runs, reads of the read models wait (TRUNCATE locks the tables until commit), and
/// the live projector's next batch waits and then continues from the rebuild's checkpoint. Its
/// writing transaction never adds an event, so followers of the log (deliveries) are not held
/// back by it (0044_event_writers_by_table_lock.sql).
///
/// Where the time goes (100,000 reports, 300,000 events, this 2-core machine, about 16 s): the
/// fold is CPU-bound, most of it in Foundation's JSON coders (encoding the two documents per
/// report and decoding the events and their metadata, about a third of the fold each), and
/// takes about 60 % of the machine's CPU while it runs, PostgreSQL's COPY most of the rest;
/// reading, folding and COPY together keep both cores busy for about 12 s; the keys and search
/// indexes built at the end take about 4 s more on one backend.
public enum ProjectionRebuild {
    /// What a rebuild did.
    public struct Result: Sendable, Hashable {
        public var events: Int
        public var reports: Int
        public var duration: Duration
        /// The checkpoint it saved: the projector continues after it.
        public var point: LogPoint
        /// With `.halvesApart`: how long reading and folding took alone, and then writing alone.
        public var foldDuration: Duration?
        public var writeDuration: Duration?

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

    /// Whether the two halves of a rebuild run at once.
    public enum Schedule: Sendable {
        /// Reading and folding overlap with loading: the rebuild.
        case overlapped
        /// Every report is read and folded into memory first, and only then written: the same
        /// result, slower, with each half timed alone (`hub bench projections` shows what each
        /// half costs, and so what no overlap of the two can beat).
        case halvesApart
    }

    /// Events fetched per round trip.
    static let chunkSize = 4_000

    /// Threads that fold reports at once, beside the reading and the writing connection's: the
    /// fold (decoding events, encoding documents) is the larger half of a rebuild's work.
    static let folders = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4))

    /// Rebuilds the report read models; `pool` needs two connections (one reads, one writes).
    public static func run(
        pool: PGPool, policy: @escaping @Sendable (MunicipalityCode) -> MunicipalityPolicy,
        progress: (@Sendable (Progress) -> Void)? = nil, schedule: Schedule = .overlapped,
        logger: Logger = Logger(label: "hub.projection.rebuild")
    ) async throws -> Result {
        guard pool.maxConnections >= 2 else {
            throw ProjectionError(code: .poolTooSmall, message: "a rebuild needs a pool of at least two connections")
        }
        let started = ContinuousClock.now
        let reports = RebuildHandoff<[RebuildReport]>(capacity: 2 * folders)
        let chunks = RebuildHandoff<RebuildChunk>(capacity: schedule == .overlapped ? 3 : Int.max)
        let failing: @Sendable (any Error) -> Void = { error in
            reports.fail(error)
            chunks.fail(error)
        }
        let reading = Task {
            do {
                return try await pool.withConnection { connection in
                    try RebuildReader(progress: progress).read(on: connection, into: reports)
                }
            } catch {
                failing(error)
                throw error
            }
        }
        let threads = NIOThreadPool(numberOfThreads: folders)
        threads.start()
        let folding = Task {
            do {
                let folded = try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<folders {
                        group.addTask {
                            try await threads.runIfActive {
                                var folder = RebuildFolder(policy: policy)
                                return try folder.fold(from: reports, into: chunks)
                            }
                        }
                    }
                    return try await group.reduce(0, +)
                }
                // Every report's rows are handed over: the checkpoint goes last.
                let read = try await reading.value
                try chunks.put(RebuildChunk(rows: ProjectionRows(), point: read.highest))
                chunks.finish()
                return (read, folded)
            } catch {
                failing(error)
                throw error
            }
        }
        let writing = Task {
            do {
                if schedule == .halvesApart { _ = try await folding.value }
                let started = ContinuousClock.now
                let point = try await pool.withConnection { connection in
                    try RebuildWriter.write(from: chunks, on: connection)
                }
                return (point, ContinuousClock.now - started)
            } catch {
                failing(error)
                throw error
            }
        }
        let read: RebuildReader.Summary
        let folded: Int
        let point: LogPoint
        let written: Duration
        let foldEnded: ContinuousClock.Instant
        do {
            (read, folded) = try await folding.value
            foldEnded = ContinuousClock.now
            (point, written) = try await writing.value
        } catch {
            // The first failure is the cause; the other sides only stopped because of it.
            _ = try? await reading.value
            _ = try? await writing.value
            try? await threads.shutdownGracefully()
            if let error = error as? PGError { throw ProjectionError.database(error) }
            throw error
        }
        try? await threads.shutdownGracefully()
        var result = Result(events: read.events, reports: folded, duration: ContinuousClock.now - started, point: point)
        if schedule == .halvesApart {
            result.foldDuration = foldEnded - started
            result.writeDuration = written
        }
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
