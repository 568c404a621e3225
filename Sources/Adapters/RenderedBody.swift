import Foundation

/// A request body in the system's own format, ready to sign and send.
public struct RenderedBody: Sendable, Hashable {
    /// The `Content-Type` header.
    public var contentType: String
    public var body: Data

    public init(contentType: String, body: Data) {
        self.contentType = contentType
        self.body = body
    }
}
