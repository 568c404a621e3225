import CLibPQ

/// The rows of one statement's result. Owns its `PGresult*` and frees it exactly once.
public final class PGResult: @unchecked Sendable {
    // @unchecked Sendable: the PGresult is immutable after libpq hands it over and libpq's
    // result accessors only read it, so sharing it between threads is safe; PQclear runs
    // once, in deinit, when no reference is left.
    private let handle: OpaquePointer

    /// Rows returned (0 for commands).
    public let rowCount: Int
    /// Columns per row.
    public let columnCount: Int

    init(taking handle: OpaquePointer) {
        self.handle = handle
        self.rowCount = Int(PQntuples(handle))
        self.columnCount = Int(PQnfields(handle))
    }

    deinit {
        PQclear(handle)
    }

    /// The number of rows a command touched (`INSERT 0 5` → 5).
    public var affectedRows: Int {
        Int(String(cString: PQcmdTuples(handle))) ?? 0
    }

    public func columnName(_ column: Int) -> String {
        String(cString: PQfname(handle, Int32(column)))
    }

    public func isNull(row: Int, column: Int) -> Bool {
        PQgetisnull(handle, Int32(row), Int32(column)) == 1
    }

    /// Decodes one cell; throws for NULL. Use the Optional overload for nullable columns.
    public func decode<T: PGDecodable>(_ type: T.Type, row: Int, column: Int) throws(PGError) -> T {
        guard let value = try decode(Optional<T>.self, row: row, column: column) else {
            throw PGError(code: .decoding, serverMessage: "NULL in column \(columnName(column)) read as \(T.self)")
        }
        return value
    }

    public func decode<T: PGDecodable>(_ type: T?.Type, row: Int, column: Int) throws(PGError) -> T? {
        guard row < rowCount, column < columnCount else {
            throw PGError(code: .decoding, serverMessage: "no cell at row \(row), column \(column)")
        }
        if PQgetisnull(handle, Int32(row), Int32(column)) == 1 { return nil }
        let length = Int(PQgetlength(handle, Int32(row), Int32(column)))
        let pointer = UnsafeRawPointer(PQgetvalue(handle, Int32(row), Int32(column))!)
        let buffer = UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: length)
        return try T(pgText: buffer)
    }

    /// Rows as a sequence, for `for row in result.rows`.
    public var rows: [PGRow] {
        (0..<rowCount).map { PGRow(result: self, index: $0) }
    }
}
