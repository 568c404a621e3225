/// What an append expects of its stream: optimistic concurrency.
public enum ExpectedVersion: Sendable, Hashable, CustomStringConvertible {
    /// Append whatever the stream's version (still one writer at a time per version).
    case any
    /// The stream must not exist yet: the first event of a new report.
    case noStream
    /// The stream must be at exactly this version (the last event read had it).
    case exact(Int64)

    /// The SQL functions' encoding: NULL = any, 0 = no stream, n = at n.
    var sqlValue: Int64? {
        switch self {
        case .any: nil
        case .noStream: 0
        case .exact(let version): version
        }
    }

    public var description: String {
        switch self {
        case .any: "any version"
        case .noStream: "no stream"
        case .exact(let version): "version \(version)"
        }
    }
}
