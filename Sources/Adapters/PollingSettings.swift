/// For a system that cannot send webhooks: the hub asks it for changes at an interval. Each item
/// of a page is read with the adapter's inbound pointers (so `polling` needs `inbound`).
public struct PollingSettings: Sendable {
    /// The http(s) address to GET.
    public var url: String
    public var interval: Duration
    /// The query parameter that carries the cursor, e.g. `since`.
    public var cursorParameter: String
    /// A JSON pointer to the next cursor: in the response, or in its last update when
    /// `cursorInLastItem` (a system that pages by time, like Open311's
    /// `servicerequestupdates?start_date=`, whose answer is a bare list).
    public var nextCursorPointer: String
    public var cursorInLastItem: Bool
    /// A JSON pointer to the array of updates in the response; empty: the response is the array.
    public var itemsPointer: String
    public var authentication: AuthenticationSettings
    public var tls: TLSSettings?
    public var proxy: String?
    public var timeout: Duration

    public init(
        url: String, interval: Duration, cursorParameter: String, nextCursorPointer: String, itemsPointer: String,
        authentication: AuthenticationSettings = .none, tls: TLSSettings? = nil, proxy: String? = nil,
        timeout: Duration = .seconds(15), cursorInLastItem: Bool = false
    ) {
        self.cursorInLastItem = cursorInLastItem
        self.url = url
        self.interval = interval
        self.cursorParameter = cursorParameter
        self.nextCursorPointer = nextCursorPointer
        self.itemsPointer = itemsPointer
        self.authentication = authentication
        self.tls = tls
        self.proxy = proxy
        self.timeout = timeout
    }
}
