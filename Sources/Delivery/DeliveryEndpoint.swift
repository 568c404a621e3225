import Curl
import Webhooks

/// Where and how one adapter's deliveries are sent, and how they are retried.
public struct DeliveryEndpoint: Sendable {
    /// The receiver's URL (http or https).
    public var url: String
    /// Other URLs for some event types (by the log's type name).
    public var urls: [String: String]
    /// A field added to the form body when it is sent, never stored with the delivery: Open311's
    /// `api_key`.
    public var formCredential: (name: String, value: String)?
    /// libcurl's settings: timeouts, authentication, client certificate, CA bundle, proxy.
    public var options: OutboundOptions
    /// The Standard Webhooks secret every request is signed with; nil sends unsigned (refused by
    /// the adapter check unless the adapter says so).
    public var secret: WebhookSecret?
    /// The wait after each failed attempt; after the last, the delivery is dead.
    public var retrySchedule: RetrySchedule
    /// At most this many deliveries of this adapter in flight from one process.
    public var maxInFlight: Int
    /// This many failures in a row pause the endpoint (the circuit opens) ...
    public var failureThreshold: Int
    /// ... for this long, doubled per further failure.
    public var pause: Duration

    public init(
        url: String, urls: [String: String] = [:], formCredential: (name: String, value: String)? = nil,
        options: OutboundOptions = OutboundOptions(), secret: WebhookSecret?,
        retrySchedule: RetrySchedule = .standard, maxInFlight: Int = 16, failureThreshold: Int = 5,
        pause: Duration = .seconds(60)
    ) {
        self.url = url
        self.urls = urls
        self.formCredential = formCredential
        self.options = options
        self.secret = secret
        self.retrySchedule = retrySchedule
        self.maxInFlight = max(1, maxInFlight)
        self.failureThreshold = max(1, failureThreshold)
        self.pause = pause
    }

    /// Where an event of this type goes.
    public func url(for eventType: String) -> String {
        urls[eventType] ?? url
    }
}
