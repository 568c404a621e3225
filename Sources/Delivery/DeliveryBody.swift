/// What one delivery sends: its content type and body, rendered once when the event is scheduled.
public struct DeliveryBody: Sendable, Hashable {
    public var contentType: String
    public var body: [UInt8]

    public init(contentType: String, body: [UInt8]) {
        self.contentType = contentType
        self.body = body
    }
}
