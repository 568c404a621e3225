/// An external party that does work on reports: a contractor, a waste collector, a lighting maintainer.
public struct Party: Hashable, Sendable, Codable {
    /// The party's identifier.
    public let id: PartyID
    /// The name the reporter sees, e.g. "the waste collector" or "Renewi".
    public let displayName: String
    /// Whether the party signed a processing agreement ("verwerkersovereenkomst") and may
    /// therefore receive the reporter's personal data (rule 4).
    public let hasProcessingAgreement: Bool

    /// A party with a non-blank id and display name.
    public init(id: PartyID, displayName: String, hasProcessingAgreement: Bool) throws(ReportError) {
        try String.checkRequired(id.rawValue, field: "party.id", max: 100)
        try String.checkRequired(displayName, field: "party.display_name", max: 200)
        self.id = id
        self.displayName = displayName
        self.hasProcessingAgreement = hasProcessingAgreement
    }

    /// A stand-in for a party known only by id, so a replay never fails on an inconsistent stream.
    init(uncheckedID id: PartyID) {
        self.id = id
        self.displayName = id.rawValue
        self.hasProcessingAgreement = false
    }

    enum CodingKeys: String, CodingKey {
        case id
        case displayName = "display_name"
        case hasProcessingAgreement = "has_processing_agreement"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                id: container.decode(PartyID.self, forKey: .id),
                displayName: container.decode(String.self, forKey: .displayName),
                hasProcessingAgreement: container.decode(Bool.self, forKey: .hasProcessingAgreement)
            )
        } catch let error as ReportError {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }
}
