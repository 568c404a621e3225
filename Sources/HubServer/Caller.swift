import HubConfig
import ReportDomain

/// Who is calling, as established from the request's credentials before any route runs.
public struct Caller: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// No key: may submit reports and read public status where the municipality allows it.
        case anonymous
        /// An API key from the configuration.
        case key(role: CallerRole)
        /// A reporter's token for one report (handed out at submission).
        case reporter(ReportID)
    }

    public var kind: Kind
    /// The key's id, for audit (`actor` in the log's metadata); never the key itself.
    public var id: String
    /// The municipalities the caller acts for; `nil` means all.
    public var municipalities: Set<MunicipalityCode>?
    /// The party a party key speaks for.
    public var party: PartyID?

    public static let anonymous = Caller(kind: .anonymous, id: "anonymous", municipalities: nil, party: nil)

    public init(kind: Kind, id: String, municipalities: Set<MunicipalityCode>?, party: PartyID?) {
        self.kind = kind
        self.id = id
        self.municipalities = municipalities
        self.party = party
    }

    /// A caller from a configured key.
    public init(key: APIKeyConfig) {
        self.init(
            kind: .key(role: key.role), id: key.id,
            municipalities: key.municipalities.isEmpty ? nil : Set(key.municipalities.map(MunicipalityCode.init)),
            party: key.party.map(PartyID.init))
    }

    public var role: CallerRole? {
        if case .key(let role) = kind { return role }
        return nil
    }

    /// Municipal staff or an operator: sees internal detail within scope.
    public var isStaff: Bool {
        role == .municipality || role == .admin
    }

    /// Whether the caller acts for this municipality at all.
    public func covers(_ municipality: MunicipalityCode) -> Bool {
        municipalities?.contains(municipality) ?? true
    }

    /// The domain actor a command from this caller is made as.
    public var actor: Actor {
        switch kind {
        case .anonymous: .system(name: "anonymous")
        case .reporter: .reporter
        case .key(role: .party): .party(party ?? PartyID(id))
        case .key(role: .municipality): .municipalityUser(id: id)
        case .key: .system(name: id)
        }
    }

    /// How the log's metadata names the caller.
    public var metadataActor: String {
        switch kind {
        case .anonymous: "anonymous"
        case .reporter: "reporter"
        case .key(let role): "\(role.rawValue):\(id)"
        }
    }
}
