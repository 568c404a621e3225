/// Limits, credentials and routing of one outbound request.
public struct OutboundOptions: Sendable, Hashable {
    /// The whole transfer, including any wait for a free connection; at least one millisecond.
    public var timeout: Duration
    /// Establishing the TCP (and TLS) connection.
    public var connectTimeout: Duration
    /// Sent as the `Authorization` header of the first request, without waiting for a challenge.
    public var authentication: OutboundAuthentication
    /// Presented when the server asks for a client certificate (mutual TLS).
    public var clientCertificate: ClientCertificate?
    /// A PEM file of the CAs to trust instead of the system's; `nil` trusts the system's store.
    public var caBundlePath: String?
    /// The proxy to send through, e.g. `http://127.0.0.1:3128`. `nil` connects directly: the
    /// `http_proxy`-style environment variables are deliberately ignored, so that where a request
    /// goes depends on its options alone.
    public var proxy: String?
    /// A response body longer than this fails the request with `.responseTooLarge`.
    public var maxResponseBytes: Int

    public init(
        timeout: Duration = .seconds(15),
        connectTimeout: Duration = .seconds(5),
        authentication: OutboundAuthentication = .none,
        clientCertificate: ClientCertificate? = nil,
        caBundlePath: String? = nil,
        proxy: String? = nil,
        maxResponseBytes: Int = 1 << 20
    ) {
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.authentication = authentication
        self.clientCertificate = clientCertificate
        self.caBundlePath = caBundlePath
        self.proxy = proxy
        self.maxResponseBytes = maxResponseBytes
    }
}
