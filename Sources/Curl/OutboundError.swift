/// Why an outbound request got no HTTP response.
///
/// An HTTP error status is not an `OutboundError`: it is a response. `message` is libcurl's
/// text for the failure, with any credential of the request blanked out; it never holds a
/// header value or the body, so it is safe to log and to store with a delivery attempt.
public struct OutboundError: Error, Sendable, CustomStringConvertible {
    /// The failures callers treat differently (retry, alert an operator, give up).
    public enum Kind: String, Sendable {
        /// The whole transfer or the connect took longer than its timeout.
        case timeout
        /// The host name did not resolve.
        case couldNotResolve
        /// Nothing accepted the TCP connection.
        case couldNotConnect
        /// The TLS handshake failed: an untrusted or mismatched certificate, a missing or
        /// refused client certificate, an unreadable PEM file.
        case tls
        /// The proxy could not be resolved or refused the tunnel.
        case proxy
        /// The response body exceeded `OutboundOptions.maxResponseBytes`.
        case responseTooLarge
        /// The request cannot be sent as given (a malformed URL, another scheme than http(s),
        /// a header with a line break); sending it again will not help.
        case invalidRequest
        /// The client is shut down.
        case shutdown
        /// Anything else: the connection broke, the server answered garbage, ...
        case other
    }

    /// What kind of failure it was: decides retrying.
    public var kind: Kind
    /// libcurl's text for the failure, or the reason a request was refused before sending.
    public var message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "outbound HTTP failed (\(kind.rawValue)): \(message)" }
}
