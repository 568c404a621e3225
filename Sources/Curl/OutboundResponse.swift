/// The final response to an outbound request (never an interim `100 Continue` or a proxy's
/// `CONNECT` answer).
public struct OutboundResponse: Sendable {
    /// The HTTP status code of the final response.
    public var status: Int
    /// In the order received, names lower-cased; a repeated field appears once per line.
    public var headers: [OutboundHeader]
    /// At most `OutboundOptions.maxResponseBytes` long, as received (no content decoding).
    public var body: [UInt8]
    /// From the start of the transfer to its last byte, as libcurl measured it.
    public var totalTime: Duration

    public init(status: Int, headers: [OutboundHeader], body: [UInt8], totalTime: Duration) {
        self.status = status
        self.headers = headers
        self.body = body
        self.totalTime = totalTime
    }

    /// The value of the first field called `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name == wanted }?.value
    }
}
