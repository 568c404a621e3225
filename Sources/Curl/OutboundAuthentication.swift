/// How a request proves who sends it. The secrets never appear in errors or logs.
public enum OutboundAuthentication: Sendable, Hashable {
    case none
    /// `Authorization: Bearer <token>`.
    case bearer(token: String)
    /// `Authorization: Basic base64(user:password)`, sent with the first request, not after a challenge.
    case basic(user: String, password: String)
}
