import struct Foundation.Date
import EventLog

/// One event as the rebuild's cursor reads it, its data and metadata still JSON text: the
/// reading thread only takes rows apart, and the folding threads decode them.
struct RebuildEvent: Sendable {
    var point: LogPoint
    var streamVersion: Int64
    var recordedAt: Date
    var type: String
    var schemaVersion: Int
    var data: [UInt8]
    var metadata: [UInt8]
}
