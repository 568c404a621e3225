/// What one delivery sends: its content type and body, rendered once when the event is scheduled.
public struct DeliveryBody: Sendable, Hashable {
    public var contentType: String
    public var body: [UInt8]
    /// The text in `body` that stands for the receiver's own id for the report, when that id was not
    /// known yet at rendering; the worker writes the id in when it sends.
    public var theirIDMarker: String?

    public init(contentType: String, body: [UInt8], theirIDMarker: String? = nil) {
        self.contentType = contentType
        self.body = body
        self.theirIDMarker = theirIDMarker
    }
}
