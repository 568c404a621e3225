import Foundation
import Postgres

extension RecordedEvent {
    /// Reads a row of hub.events in its column order (position, transaction_id, stream_version,
    /// recorded_at, event_id, schema_version, stream_id, event_type, municipality, data,
    /// metadata, hash).
    init(row: PGRow) throws {
        let metadataJSON = try row.decode(PGJSON.self, 10).utf8
        self.init(
            point: LogPoint(transactionID: try row.decode(UInt64.self, 1), position: try row.decode(Int64.self, 0)),
            id: try row.decode(UUID.self, 4),
            stream: try row.decode(String.self, 6),
            streamVersion: try row.decode(Int64.self, 2),
            type: try row.decode(String.self, 7),
            schemaVersion: try row.decode(Int.self, 5),
            municipality: try row.decode(String.self, 8),
            data: try row.decode(PGJSON.self, 9).utf8,
            metadata: try JSONDecoder().decode(EventMetadata.self, from: Data(metadataJSON)),
            recordedAt: try row.decode(Date.self, 3),
            hash: try row.decode(PGBytes.self, 11).bytes)
    }
}
