import Foundation
import ReportDomain

/// What the event log knows about an event besides its data: the envelope delivery hands the renderer.
public struct OutboundEnvelope: Sendable, Hashable {
    public var eventID: UUID
    /// The event type name as stored, e.g. `ReportForwarded`.
    public var eventType: String
    public var schemaVersion: Int
    /// The event's position in its report's stream, from 1: receivers order by it.
    public var streamVersion: Int
    /// When the event was recorded.
    public var time: Date
    public var municipality: MunicipalityCode

    public init(eventID: UUID, eventType: String, schemaVersion: Int, streamVersion: Int, time: Date, municipality: MunicipalityCode) {
        self.eventID = eventID
        self.eventType = eventType
        self.schemaVersion = schemaVersion
        self.streamVersion = streamVersion
        self.time = time
        self.municipality = municipality
    }
}
