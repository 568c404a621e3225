import ReportDomain

/// An external party the municipalities work with.
public struct PartyConfig: Sendable, Hashable {
    public var id: PartyID
    /// The name the reporter reads ("Doorgezet naar Renewi").
    public var name: String
    /// Whether a processing agreement allows it the reporter's personal data (rule 4).
    public var processingAgreement: Bool

    public init(id: PartyID, name: String, processingAgreement: Bool) {
        self.id = id
        self.name = name
        self.processingAgreement = processingAgreement
    }
}
