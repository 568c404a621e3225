/// Who issues a command, so that `decide` can check who may do what.
///
/// Authentication happens before the domain: `.reporter` means "the authenticated reporter of this
/// report", `.party(id)` means "the authenticated system or team of that party".
public enum Actor: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The resident who made the report.
    case reporter
    /// A municipal employee (contact centre, back office), identified by their user id.
    case municipalityUser(id: String)
    /// An external party's system or team.
    case party(PartyID)
    /// An automatic process of the hub or a connected case system, e.g. routing by category.
    case system(name: String)

    /// Whether the actor speaks for the municipality (a person or an automatic process).
    public var isMunicipality: Bool {
        switch self {
        case .municipalityUser, .system: true
        case .reporter, .party: false
        }
    }

    public var description: String {
        switch self {
        case .reporter: "the reporter"
        case .municipalityUser(let id): "municipal user \(id)"
        case .party(let id): "party \(id)"
        case .system(let name): "system \(name)"
        }
    }

    enum CodingKeys: String, CodingKey {
        case kind, id
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        let id = try container.decodeIfPresent(String.self, forKey: .id)
        switch (kind, id) {
        case ("reporter", _): self = .reporter
        case ("municipality_user", let id?): self = .municipalityUser(id: id)
        case ("party", let id?): self = .party(PartyID(id))
        case ("system", let id?): self = .system(name: id)
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown actor kind \(kind) or missing id")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .reporter:
            try container.encode("reporter", forKey: .kind)
            try container.encodeNil(forKey: .id)
        case .municipalityUser(let id):
            try container.encode("municipality_user", forKey: .kind)
            try container.encode(id, forKey: .id)
        case .party(let id):
            try container.encode("party", forKey: .kind)
            try container.encode(id.rawValue, forKey: .id)
        case .system(let name):
            try container.encode("system", forKey: .kind)
            try container.encode(name, forKey: .id)
        }
    }
}
