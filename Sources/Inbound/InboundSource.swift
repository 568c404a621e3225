/// How a message came in.
public enum InboundSource: String, Sendable, Hashable {
    /// The system called the hub (`POST /api/v1/adapters/{name}/inbound`), signed.
    case webhook
    /// The hub fetched it from the system's API (the adapter's `polling`).
    case poll
}
