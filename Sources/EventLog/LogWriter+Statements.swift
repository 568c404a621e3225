import Foundation
import Postgres

extension LogWriter {
    /// The call of hub.append_event (one event) or hub.append_batch (several), prepared.
    static func appendQuery(_ appends: [StreamAppend]) throws -> PGQuery {
        var streams = Set<String>()
        for append in appends where !streams.insert(append.stream).inserted {
            throw EventLogError(code: .invalidEvent, message: "stream \(append.stream) appears twice in one batch", stream: append.stream)
        }
        for append in appends {
            for event in append.events where event.data.first != UInt8(ascii: "{") {
                throw EventLogError(code: .invalidEvent, message: "the data of event \(event.id) is not a JSON object", stream: append.stream)
            }
        }
        if appends.count == 1, let append = appends.first, append.events.count == 1, let event = append.events.first {
            let query: PGQuery = """
                SELECT * FROM hub.append_event(\(append.stream), \(append.expected.sqlValue)::bigint, \(append.municipality), \
                \(event.id), \(event.type), \(event.schemaVersion), \(PGJSON(utf8: event.data))::jsonb, \
                \(PGJSON(utf8: try event.metadata.encodedJSON()))::jsonb)
                """
            return query.prepared()
        }
        var streamIDs: [String?] = [], expected: [String?] = [], municipalities: [String?] = [], ids: [String?] = []
        var types: [String?] = [], versions: [String?] = [], data: [String?] = [], metadata: [String?] = []
        for append in appends {
            for (index, event) in append.events.enumerated() {
                streamIDs.append(append.stream)
                // The expected version is the stream's, checked at its first event.
                expected.append(index == 0 ? append.expected.sqlValue.map(String.init) : nil)
                municipalities.append(append.municipality)
                ids.append(event.id.uuidString)
                types.append(event.type)
                versions.append(String(event.schemaVersion))
                data.append(String(decoding: event.data, as: UTF8.self))
                metadata.append(String(decoding: try event.metadata.encodedJSON(), as: UTF8.self))
            }
        }
        let query: PGQuery = """
            SELECT * FROM hub.append_batch(\(PGArray(streamIDs))::text[], \(PGArray(expected))::bigint[], \
            \(PGArray(municipalities))::text[], \(PGArray(ids))::uuid[], \(PGArray(types))::text[], \
            \(PGArray(versions))::integer[], \(PGArray(data))::jsonb[], \(PGArray(metadata))::jsonb[])
            """
        return query.prepared()
    }

    /// Reads the rows the append functions return (event id, version, position, transaction,
    /// duplicate) back into one result per stream, in the order of the request.
    static func appended(from result: PGResult, for appends: [StreamAppend]) throws -> [AppendResult] {
        let expectedRows = appends.reduce(0) { $0 + $1.events.count }
        guard result.rowCount == expectedRows else {
            throw EventLogError(code: .database, message: "the append returned \(result.rowCount) rows for \(expectedRows) events")
        }
        var byID: [UUID: AppendResult.Appended] = [:]
        for row in result.rows {
            let id = try row.decode(UUID.self, 0)
            byID[id] = AppendResult.Appended(
                eventID: id, streamVersion: try row.decode(Int64.self, 1),
                point: LogPoint(transactionID: try row.decode(UInt64.self, 3), position: try row.decode(Int64.self, 2)),
                wasDuplicate: try row.decode(Bool.self, 4))
        }
        return try appends.map { append in
            AppendResult(stream: append.stream, events: try append.events.map { event in
                guard let appended = byID[event.id] else {
                    throw EventLogError(code: .database, message: "the append did not return event \(event.id)")
                }
                return appended
            })
        }
    }
}
