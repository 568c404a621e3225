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
    /// The event's position in the whole log: it orders everything one receiver hears about one of
    /// its reports, also a duplicate's, which hears its main report's events too (rule 6).
    public var position: Int64
    /// When the event was recorded.
    public var time: Date
    public var municipality: MunicipalityCode

    public init(eventID: UUID, eventType: String, schemaVersion: Int, streamVersion: Int, position: Int64, time: Date, municipality: MunicipalityCode) {
        self.eventID = eventID
        self.eventType = eventType
        self.schemaVersion = schemaVersion
        self.streamVersion = streamVersion
        self.position = position
        self.time = time
        self.municipality = municipality
    }
}
