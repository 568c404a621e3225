/// The identifier of an external party, as configured in its adapter file, e.g. `renewi-enschede`.
public struct PartyID: DomainCode {
    /// The identifier as configured.
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }
}
