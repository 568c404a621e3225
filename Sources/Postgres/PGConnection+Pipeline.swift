import CLibPQ

extension PGConnection {
    /// Sends all statements in one round trip (libpq pipeline mode) and returns their results.
    ///
    /// Without an explicit BEGIN they run in one implicit transaction: when one fails, those
    /// before it are rolled back and those after it are skipped, and the first error is thrown.
    /// Meant for batches of modest size (hundreds of statements), whose results fit the socket
    /// buffers while the requests are still being written.
    public func pipeline(_ queries: [PGQuery]) throws(PGError) -> [PGResult] {
        // Preparing inside the pipeline would interleave extra results; do it up front.
        var names = [String?]()
        names.reserveCapacity(queries.count)
        for query in queries {
            names.append(query.isPrepared ? try preparedName(for: query.sql) : nil)
        }
        guard PQenterPipelineMode(handle) == 1 else { throw connectionError() }
        defer { PQexitPipelineMode(handle) }
        for (query, name) in zip(queries, names) {
            let sent = query.binds.withCParameters { count, values, lengths, formats in
                if let name {
                    PQsendQueryPrepared(handle, name, count, values, lengths, formats, 0)
                } else {
                    PQsendQueryParams(handle, query.sql, count, nil, values, lengths, formats, 0)
                }
            }
            guard sent == 1 else { throw connectionError() }
        }
        guard PQpipelineSync(handle) == 1 else { throw connectionError() }

        var results = [PGResult]()
        results.reserveCapacity(queries.count)
        var firstError: PGError?
        for _ in queries {
            guard let result = PQgetResult(handle) else { throw connectionError() }
            let status = PQresultStatus(result)
            if status == PGRES_PIPELINE_ABORTED {
                PQclear(result)
            } else {
                do {
                    results.append(try check(result))
                } catch {
                    if firstError == nil { firstError = error }
                }
            }
            // Each statement's results end with a NULL.
            while let extra = PQgetResult(handle) { PQclear(extra) }
        }
        guard let sync = PQgetResult(handle) else { throw connectionError() }
        let syncStatus = PQresultStatus(sync)
        PQclear(sync)
        if let firstError { throw firstError }
        guard syncStatus == PGRES_PIPELINE_SYNC else { throw connectionError() }
        return results
    }
}
