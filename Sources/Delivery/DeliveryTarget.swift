import ReportDomain

/// One adapter's outbound side as the delivery engine runs it: which events it takes, how they are
/// written for it, and where they go. Built from the adapter's file (`adapters/*.yaml`); the engine
/// knows nothing of the file format.
public struct DeliveryTarget: Sendable {
    /// How a delivery's body is written.
    public enum Format: Sendable {
        /// A CloudEvents 1.0 structured JSON event (`application/cloudevents+json`).
        case cloudEvents
        /// The adapter's own format; the function may throw to skip an event it has no words for.
        case custom(@Sendable (DeliveryEvent) throws -> DeliveryBody?)

        /// Whether the adapter writes its own format, from the report it is for (rule 6 needs that).
        var isCustom: Bool {
            if case .custom = self { return true }
            return false
        }
    }

    /// The adapter's name: the subscription's and the endpoint's key.
    public var name: String
    /// Who the adapter is for the redaction of personal data (rule 4): its party, with its
    /// processing agreement, or a stand-in for a system of the municipality.
    public var recipient: Party
    /// Whether the event is for this adapter (event type, category, party, municipality ...).
    public var filter: @Sendable (DeliveryEvent) -> Bool
    public var format: Format
    public var endpoint: DeliveryEndpoint
    /// Reads the receiver's own id for the report from its answer to a delivery (a contractor's
    /// work-order number), to link it on the report: the card index's other side.
    public var externalIDInResponse: (@Sendable ([UInt8]) -> String?)?
    /// Writes the receiver's id for the report into a body rendered before it was known (where
    /// `DeliveryBody.theirIDMarker` stands), escaped for the body's format.
    public var bindTheirID: (@Sendable (_ id: String, _ marker: String, _ body: [UInt8]) -> [UInt8])?
    /// Whether the reporter is told about an event (rule 5), decided on the whole report before it
    /// is redacted for the adapter: a reporting app that notifies its user needs the decision, not
    /// the reporter's data.
    public var notification: @Sendable (ReportEvent, Report) -> NotificationDecision

    public init(
        name: String, recipient: Party, filter: @escaping @Sendable (DeliveryEvent) -> Bool, format: Format = .cloudEvents,
        endpoint: DeliveryEndpoint, externalIDInResponse: (@Sendable ([UInt8]) -> String?)? = nil,
        bindTheirID: (@Sendable (_ id: String, _ marker: String, _ body: [UInt8]) -> [UInt8])? = nil,
        notification: @escaping @Sendable (ReportEvent, Report) -> NotificationDecision = { event, report in
            NotificationDecision.decide(for: report, about: event, policy: MunicipalityPolicy(municipality: report.municipality))
        }
    ) {
        self.notification = notification
        self.name = name
        self.recipient = recipient
        self.filter = filter
        self.format = format
        self.endpoint = endpoint
        self.externalIDInResponse = externalIDInResponse
        self.bindTheirID = bindTheirID
    }
}
