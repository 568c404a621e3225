import Foundation
import Postgres

extension LogWriter {
    /// Refuses what no append may hold: a stream twice in one batch, data that is not an object.
    static func check(_ appends: [StreamAppend]) throws {
        var streams = Set<String>()
        for append in appends where !streams.insert(append.stream).inserted {
            throw EventLogError(code: .invalidEvent, message: "stream \(append.stream) appears twice in one batch", stream: append.stream)
        }
        for append in appends {
            for event in append.events where event.data.first != UInt8(ascii: "{") {
                throw EventLogError(code: .invalidEvent, message: "the data of event \(event.id) is not a JSON object", stream: append.stream)
            }
        }
    }

    /// The one event of an append of one event to one stream, or nil.
    static func singleEvent(of appends: [StreamAppend]) -> (append: StreamAppend, event: NewEvent)? {
        guard appends.count == 1, let append = appends.first, append.events.count == 1, let event = append.events.first else {
            return nil
        }
        return (append, event)
    }

    /// One event's append as one plain INSERT, prepared: the hot path. The statement reads the
    /// stream's head, chains the hash and stores the row itself, and returns the row as
    /// hub.append_event does, but only when the append is plainly allowed. Otherwise
    /// hub.append_event must answer (with the stored result or the refusal): no row comes back
    /// for a wrong expected version or another municipality's stream, and an event id stored
    /// before fails on events_event_id_key.
    ///
    /// Why not only the function: the PL/pgSQL call, its statements' own starts and `ON CONFLICT`
    /// cost the server time and WAL on every append (with four writers on two cores, `hub bench
    /// append` went from 0.63 to 0.685 of the raw INSERT, 2026-11-24). The rules stay in the
    /// database all the same: the keys, checks and trigger of hub.events hold for this INSERT as
    /// for any, and the hash is the one 0004_event_digest_input.sql defines.
    static func plainAppendQuery(_ append: StreamAppend, _ event: NewEvent, metadata: [UInt8]) -> PGQuery {
        let query: PGQuery = """
            INSERT INTO hub.events (event_id, stream_id, stream_version, event_type, schema_version, municipality,
                                    data, metadata, recorded_at, hash)
            SELECT n.event_id, n.stream_id, coalesce(h.stream_version, 0) + 1, n.event_type, n.schema_version,
                   n.municipality, n.data, n.metadata, now(),
                   sha256(coalesce(h.hash, ''::bytea) || hub.event_digest_input(
                       n.event_id, n.stream_id, coalesce(h.stream_version, 0) + 1, n.event_type, n.schema_version,
                       n.municipality, n.data, n.metadata, now()))
              FROM (SELECT \(append.stream)::text AS stream_id, \(append.expected.sqlValue)::bigint AS expected,
                           \(append.municipality)::text AS municipality, \(event.id)::uuid AS event_id,
                           \(event.type)::text AS event_type, \(event.schemaVersion)::integer AS schema_version,
                           \(PGJSON(utf8: event.data))::jsonb AS data, \(PGJSON(utf8: metadata))::jsonb AS metadata) n
              LEFT JOIN LATERAL (SELECT e.stream_version, e.hash, e.municipality FROM hub.events e
                                  WHERE e.stream_id = n.stream_id ORDER BY e.stream_version DESC LIMIT 1) h ON true
             WHERE (n.expected IS NULL OR n.expected = coalesce(h.stream_version, 0))
               AND (h.municipality IS NULL OR h.municipality = n.municipality)
            RETURNING event_id, stream_version, position, transaction_id, false
            """
        return query.prepared()
    }

    /// The call of hub.append_event for one event, prepared: every case the plain INSERT leaves.
    static func appendFunctionQuery(_ append: StreamAppend, _ event: NewEvent, metadata: [UInt8]) -> PGQuery {
        let query: PGQuery = """
            SELECT * FROM hub.append_event(\(append.stream), \(append.expected.sqlValue)::bigint, \(append.municipality), \
            \(event.id), \(event.type), \(event.schemaVersion), \(PGJSON(utf8: event.data))::jsonb, \
            \(PGJSON(utf8: metadata))::jsonb)
            """
        return query.prepared()
    }

    /// The call of hub.append_batch for several events, prepared.
    static func batchQuery(_ appends: [StreamAppend]) throws -> PGQuery {
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
