import Foundation

/// A request body in the system's own format, ready to sign and send.
public struct RenderedBody: Sendable, Hashable {
    /// The `Content-Type` header.
    public var contentType: String
    public var body: Data
    /// Set when the template used `report.their_id` before the system had answered with it: the
    /// text in the body that stands for their id until it is sent (`OutboundTemplate.bindingTheirID`).
    public var theirIDMarker: String?

    public init(contentType: String, body: Data, theirIDMarker: String? = nil) {
        self.contentType = contentType
        self.body = body
        self.theirIDMarker = theirIDMarker
    }
}
