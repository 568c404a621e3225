import CLibPQ

extension PGConnection {
    /// Bulk-loads rows with `COPY … FROM STDIN`; `data` is in the COPY's format (text by default:
    /// tab-separated, one row per line). Returns the number of rows loaded.
    @discardableResult
    public func copyIn(_ statement: String, data: [UInt8]) throws(PGError) -> Int {
        guard let start = PQexec(handle, statement) else { throw connectionError() }
        guard PQresultStatus(start) == PGRES_COPY_IN else {
            _ = try check(start)
            throw PGError(code: .client, serverMessage: "statement did not start COPY FROM STDIN")
        }
        PQclear(start)
        let chunk = 1 << 16
        var offset = 0
        let sent: Bool = data.withUnsafeBufferPointer { buffer in
            while offset < buffer.count {
                let length = min(chunk, buffer.count - offset)
                let pointer = UnsafeRawPointer(buffer.baseAddress! + offset).assumingMemoryBound(to: CChar.self)
                guard PQputCopyData(handle, pointer, Int32(length)) == 1 else { return false }
                offset += length
            }
            return true
        }
        guard sent, PQputCopyEnd(handle, nil) == 1 else { throw connectionError() }
        let result = try check(PQgetResult(handle))
        while let extra = PQgetResult(handle) { PQclear(extra) }
        return result.affectedRows
    }
}
