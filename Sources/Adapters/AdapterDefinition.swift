import HubConfig
import ReportDomain

/// One connected system as its adapter file describes it: who it is, what it may receive and
/// how, what it may send, and how its words map onto ours. Read by `AdapterCatalog`; never
/// half-built: a definition exists only when its file had no errors.
public struct AdapterDefinition: Sendable {
    public var name: AdapterName
    /// The name people read in logs and on the status page, e.g. "Melddesk (gemeente Enschede)".
    public var displayName: String
    /// The path the definition was read from, for messages.
    public var file: String
    /// The municipalities the system works for; every one is in the hub configuration.
    public var municipalities: [MunicipalityCode]
    /// The external party the system speaks for (contractors); `nil` for a municipality's own
    /// system or a reporting app.
    public var party: PartyID?
    /// Whether the system may receive the reporter's contact data (`processing_agreement: true`).
    /// A party's system may only when the party signed a processing agreement (rule 4).
    public var personalData: Bool
    public var outbound: OutboundSettings?
    public var inbound: InboundSettings?
    public var polling: PollingSettings?
    /// Their category codes ⇄ ours.
    public var categories: CategoryMapping
    /// Our event types and statuses → their codes and public texts; their codes → what they mean.
    public var statuses: StatusMapping

    public init(
        name: AdapterName, displayName: String, file: String, municipalities: [MunicipalityCode], party: PartyID?,
        personalData: Bool, outbound: OutboundSettings?, inbound: InboundSettings?, polling: PollingSettings?,
        categories: CategoryMapping, statuses: StatusMapping
    ) {
        self.name = name
        self.displayName = displayName
        self.file = file
        self.municipalities = municipalities
        self.party = party
        self.personalData = personalData
        self.outbound = outbound
        self.inbound = inbound
        self.polling = polling
        self.categories = categories
        self.statuses = statuses
    }

    /// Who the system is when it changes a report: its party, or the system itself (a
    /// municipality's case system acts for the municipality).
    public var actor: Actor {
        party.map(Actor.party) ?? .system(name: name.rawValue)
    }

    /// How the log's metadata names the changes this system's messages made (`actor`).
    public var logActor: String {
        "adapter:\(name.rawValue)"
    }

    /// Whether the system's outbound side takes a change made by this actor (as the log's
    /// metadata names it): not its own, when its filter says `own_changes: false`.
    public func hears(changeBy metadataActor: String) -> Bool {
        outbound?.filter.ownChanges ?? true || metadataActor != logActor
    }

    /// Whether the system's outbound side wants this event: its filter, its municipalities and,
    /// for a party's system, only the party's own reports. `false` without an outbound side.
    public func receives(eventType: String, report: Report, municipality: MunicipalityCode) -> Bool {
        outbound?.filter.matches(eventType: eventType, report: report, municipality: municipality, party: party) ?? false
    }

    /// As `receives(eventType:report:municipality:)`, looking into the event where its type alone
    /// does not say whether the public sees a change (a status update without a public note).
    public func receives(_ event: ReportEvent, report: Report, municipality: MunicipalityCode) -> Bool {
        outbound?.filter.matches(event, report: report, municipality: municipality, party: party) ?? false
    }
}
