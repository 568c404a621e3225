import ReportDomain

extension PartyConfig {
    /// The party as the domain knows it, with its processing agreement (rule 4).
    public func domainParty() throws(ReportError) -> Party {
        try Party(id: id, displayName: name, hasProcessingAgreement: processingAgreement)
    }
}

extension HubConfiguration {
    /// Every configured party the domain accepts, by id.
    public var domainParties: [PartyID: Party] {
        Dictionary(parties.compactMap { config in (try? config.domainParty()).map { (config.id, $0) } }, uniquingKeysWith: { first, _ in first })
    }
}
