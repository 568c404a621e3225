/// One row of a `PGResult`.
public struct PGRow: Sendable {
    public let result: PGResult
    public let index: Int

    public func decode<T: PGDecodable>(_ type: T.Type, _ column: Int) throws(PGError) -> T {
        try result.decode(type, row: index, column: column)
    }

    public func decode<T: PGDecodable>(_ type: T?.Type, _ column: Int) throws(PGError) -> T? {
        try result.decode(type, row: index, column: column)
    }
}
