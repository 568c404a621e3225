import Foundation

/// A delivery this process holds in flight (from hub.claim_deliveries).
struct ClaimedDelivery: Sendable {
    var id: Int64
    var webhookID: String
    /// Including this one.
    var attempts: Int
    var reportID: UUID
    var eventID: UUID
    var eventType: String
    var streamVersion: Int64
    var body: DeliveryBody
    var createdAt: Date
}
