import Crypto
import Foundation
import Postgres

/// Recomputes every stream's hash chain and reports where it breaks.
///
/// The database supplies each event's content bytes (hub.event_digest_input) and stored hash;
/// the hashing is done here, independently of the database's own sha256.
public struct ChainVerifier: Sendable {
    public struct Report: Sendable, Hashable {
        public var eventsChecked: Int
        public var streamsChecked: Int
        /// The first break of each broken stream, in stream order (at most `maxBreaks`).
        public var breaks: [ChainBreak]
        public var isIntact: Bool { breaks.isEmpty }
    }

    public let pool: PGPool
    public var pageSize: Int
    public var maxBreaks: Int

    public init(pool: PGPool, pageSize: Int = 5_000, maxBreaks: Int = 100) {
        self.pool = pool
        self.pageSize = pageSize
        self.maxBreaks = maxBreaks
    }

    public func verify(progress: (@Sendable (Int) -> Void)? = nil) async throws -> Report {
        var report = Report(eventsChecked: 0, streamsChecked: 0, breaks: [])
        var afterStream = ""
        var afterVersion: Int64 = 0
        var previousHash: [UInt8] = []
        var expectedVersion: Int64 = 1
        var brokenStream: String?
        while true {
            let query: PGQuery = "SELECT * FROM hub.chain_page(\(afterStream), \(afterVersion), \(pageSize))"
            let page = try await pool.query(query.prepared())
            if page.rowCount == 0 { break }
            for row in page.rows {
                let stream = try row.decode(String.self, 0)
                let version = try row.decode(Int64.self, 1)
                if stream != afterStream || report.eventsChecked == 0 {
                    report.streamsChecked += 1
                    previousHash = []
                    expectedVersion = 1
                }
                afterStream = stream
                afterVersion = version
                report.eventsChecked += 1
                let stored = try row.decode(PGBytes.self, 5).bytes
                defer {
                    previousHash = stored
                    expectedVersion = version + 1
                }
                guard brokenStream != stream else { continue }
                var reason: ChainBreak.Reason?
                if version != expectedVersion {
                    reason = .versionGap
                } else {
                    var hasher = SHA256()
                    hasher.update(data: previousHash)
                    hasher.update(data: try row.decode(PGBytes.self, 4).bytes)
                    if Array(hasher.finalize()) != stored { reason = .hashMismatch }
                }
                if let reason {
                    brokenStream = stream
                    if report.breaks.count < maxBreaks {
                        report.breaks.append(
                            ChainBreak(
                                stream: stream, streamVersion: version, position: try row.decode(Int64.self, 2),
                                eventID: try row.decode(UUID.self, 3), reason: reason))
                    }
                }
            }
            progress?(report.eventsChecked)
        }
        return report
    }
}
