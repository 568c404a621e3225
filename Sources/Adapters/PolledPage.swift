/// One answer of a polled system: its updates, each read or rejected on its own (one bad update
/// must not hold up the others), and where to continue.
public struct PolledPage: Sendable {
    public var items: [Result<InboundMessage, InboundRejection>]
    /// The cursor for the next poll; `nil` when the system sent none (ask again with the same cursor).
    public var nextCursor: String?

    public init(items: [Result<InboundMessage, InboundRejection>], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}
