import EventLog
import Foundation

/// A delivery the scheduler writes: one adapter, one event, the body rendered for that adapter.
struct DeliveryRow: Sendable {
    var adapter: String
    var event: RecordedEvent
    var reportID: UUID
    var body: DeliveryBody
}
