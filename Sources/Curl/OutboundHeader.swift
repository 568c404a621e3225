/// One HTTP header field of an outbound request or of its response.
public struct OutboundHeader: Sendable, Hashable {
    /// The field name; in a response always lower-cased.
    public var name: String
    /// The field value; checked for line breaks before a request is sent.
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
