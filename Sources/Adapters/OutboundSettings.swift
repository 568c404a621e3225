/// How the hub sends events to the system: where, in which shape, signed and authenticated how,
/// and how hard it tries.
public struct OutboundSettings: Sendable {
    /// The http(s) address events are posted to.
    public var url: String
    /// Other addresses for some event types (by the log's type name), e.g. Open311's `requests`
    /// for a new report beside `servicerequestupdates` for the rest.
    public var urls: [String: String] = [:]
    public var format: OutboundFormat
    /// Which events the system receives.
    public var filter: EventFilter
    /// The Standard Webhooks secret (`whsec_…`) every request is signed with.
    public var secret: SecretReference
    public var authentication: AuthenticationSettings
    /// Client certificate and CA bundle (PKIoverheid), when the system asks for mutual TLS.
    public var tls: TLSSettings?
    /// An HTTP(S) proxy, as municipal networks often require.
    public var proxy: String?
    /// The whole request, default 15 s.
    public var timeout: Duration
    /// Setting up the connection, default 5 s.
    public var connectTimeout: Duration
    /// The wait before each retry; after the last one the delivery is a dead letter.
    public var retrySchedule: [Duration]
    /// How many deliveries may be under way at once (different reports; one report is always in order).
    public var maxInFlight: Int
    public var circuitBreaker: CircuitBreakerSettings
    /// A JSON pointer into the response body where the system's own id for the report is (their
    /// work-order number); the hub links it to the report as an external id.
    public var externalIDPointer: String?

    /// Where an event of this type is posted: its own address, else `url`.
    public func url(for eventType: String) -> String {
        urls[eventType] ?? url
    }

    /// The default retry schedule: about a day and a half in total, as Standard Webhooks suggests.
    public static let defaultRetrySchedule: [Duration] = [
        .seconds(5), .seconds(5 * 60), .seconds(30 * 60), .seconds(2 * 3600), .seconds(5 * 3600),
        .seconds(10 * 3600), .seconds(10 * 3600),
    ]

    public init(
        url: String, format: OutboundFormat = .cloudEvents, filter: EventFilter, secret: SecretReference,
        authentication: AuthenticationSettings = .none, tls: TLSSettings? = nil, proxy: String? = nil,
        timeout: Duration = .seconds(15), connectTimeout: Duration = .seconds(5),
        retrySchedule: [Duration] = OutboundSettings.defaultRetrySchedule, maxInFlight: Int = 16,
        circuitBreaker: CircuitBreakerSettings = CircuitBreakerSettings(), externalIDPointer: String? = nil
    ) {
        self.url = url
        self.format = format
        self.filter = filter
        self.secret = secret
        self.authentication = authentication
        self.tls = tls
        self.proxy = proxy
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.retrySchedule = retrySchedule
        self.maxInFlight = maxInFlight
        self.circuitBreaker = circuitBreaker
        self.externalIDPointer = externalIDPointer
    }
}
