import Foundation

/// What one append stored (or found already stored).
public struct AppendResult: Sendable, Hashable {
    public struct Appended: Sendable, Hashable {
        public var eventID: UUID
        public var streamVersion: Int64
        public var point: LogPoint
        /// True when this event id was stored before: nothing was written.
        public var wasDuplicate: Bool

        public init(eventID: UUID, streamVersion: Int64, point: LogPoint, wasDuplicate: Bool) {
            self.eventID = eventID
            self.streamVersion = streamVersion
            self.point = point
            self.wasDuplicate = wasDuplicate
        }
    }

    public var stream: String
    public var events: [Appended]

    public init(stream: String, events: [Appended]) {
        self.stream = stream
        self.events = events
    }

    /// The stream's version after this append.
    public var streamVersion: Int64 { events.last?.streamVersion ?? 0 }
    /// True when every event was already stored: a retried append.
    public var wasDuplicate: Bool { !events.isEmpty && events.allSatisfy(\.wasDuplicate) }
}
