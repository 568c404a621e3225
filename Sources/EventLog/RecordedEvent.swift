import Foundation

/// An event as the log stored it.
public struct RecordedEvent: Sendable, Hashable {
    /// Where it stands in the commit-safe reading order.
    public var point: LogPoint
    /// The global position (gappy, insertion order); the number cursors are given as.
    public var position: Int64 { point.position }
    public var id: UUID
    public var stream: String
    /// Its place in its stream, from 1 without gaps.
    public var streamVersion: Int64
    public var type: String
    public var schemaVersion: Int
    public var municipality: String
    /// The data as the database returns it (jsonb's normalised text).
    public var data: [UInt8]
    public var metadata: EventMetadata
    public var recordedAt: Date
    /// sha256 over the previous event's hash in the stream and this event's content.
    public var hash: [UInt8]
}
