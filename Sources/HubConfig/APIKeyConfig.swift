/// One API key as the configuration records it: never the key itself, only its sha256.
public struct APIKeyConfig: Sendable, Hashable {
    /// A name for logs and audit (`actor` in the event metadata), e.g. `kcc-enschede`.
    public var id: String
    public var role: CallerRole
    /// The municipalities the key acts for; empty means all (only for `admin` and `public`).
    public var municipalities: [String]
    /// The party the key speaks for; required for the `party` role.
    public var party: String?
    /// Lower-case hex sha256 of the key.
    public var sha256: String

    public init(id: String, role: CallerRole, municipalities: [String] = [], party: String? = nil, sha256: String) {
        self.id = id
        self.role = role
        self.municipalities = municipalities
        self.party = party
        self.sha256 = sha256
    }
}
