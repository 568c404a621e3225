/// How the system names one of our event types or statuses, and what its users should read.
public struct OutboundStatus: Sendable, Hashable {
    /// Their status code.
    public var code: String
    /// A public text to show with it; without one, templates get the municipality's public status label.
    public var text: String?

    public init(code: String, text: String? = nil) {
        self.code = code
        self.text = text
    }
}
