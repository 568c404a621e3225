/// How the hub proves who it is to the system, besides the Standard Webhooks signature.
public enum AuthenticationSettings: Sendable {
    case none
    /// `Authorization: Bearer <token>`.
    case bearer(token: SecretReference)
    /// `Authorization: Basic …`.
    case basic(username: String, password: SecretReference)
    /// A key the system reads from the request itself, as Open311 GeoReport v2 reads `api_key`:
    /// a field of a form body (outbound) or a query parameter (polling). Added when the request is
    /// sent, so the key is never stored with a delivery nor shown with one.
    case apiKey(field: String, key: SecretReference)

    /// The key to put into the request, for `.apiKey`.
    public var requestField: (name: String, value: String)? {
        if case .apiKey(let field, let key) = self { return (field, key.value) }
        return nil
    }
}
