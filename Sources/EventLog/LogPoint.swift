/// A place in the log's commit-safe reading order: after the event of `position`, written by
/// transaction `transactionID`. Readers order by (transactionID, position); see
/// schemas/postgres/0007_read_all.sql for why the position alone is not enough.
public struct LogPoint: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var transactionID: UInt64
    public var position: Int64

    /// Before the first event.
    public static let start = LogPoint(transactionID: 0, position: 0)

    public init(transactionID: UInt64, position: Int64) {
        self.transactionID = transactionID
        self.position = position
    }

    public static func < (lhs: LogPoint, rhs: LogPoint) -> Bool {
        (lhs.transactionID, lhs.position) < (rhs.transactionID, rhs.position)
    }

    public var description: String { "\(position)@\(transactionID)" }
}
