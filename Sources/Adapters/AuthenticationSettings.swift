/// How the hub proves who it is to the system, besides the Standard Webhooks signature.
public enum AuthenticationSettings: Sendable {
    case none
    /// `Authorization: Bearer <token>`.
    case bearer(token: SecretReference)
    /// `Authorization: Basic …`.
    case basic(username: String, password: SecretReference)
}
