/// How a service answers a new request.
public enum Open311ServiceType: String, Sendable, Hashable, CaseIterable {
    /// The service request id is returned at once.
    case realtime
    /// A token is returned; `GET /tokens/{token}` gives the id later.
    case batch
    /// No id is returned.
    case blackbox
}
