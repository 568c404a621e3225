/// An HTTP request to another party's system.
public struct OutboundRequest: Sendable {
    /// `POST`, `GET`, `PUT`, ...: any HTTP token.
    public var method: String
    /// An absolute `http://` or `https://` URL.
    public var url: String
    /// Sent in this order; `Authorization` comes from `options.authentication` instead.
    public var headers: [OutboundHeader]
    /// An empty body goes out as `Content-Length: 0` for POST, PUT and PATCH, and not at all otherwise.
    public var body: [UInt8]
    /// Timeouts, credentials, TLS trust, proxy and the response size limit.
    public var options: OutboundOptions

    public init(
        method: String = "POST",
        url: String,
        headers: [OutboundHeader] = [],
        body: [UInt8] = [],
        options: OutboundOptions = .init()
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.options = options
    }
}
