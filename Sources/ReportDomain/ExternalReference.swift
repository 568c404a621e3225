/// The report's number in the system it came from, so status can flow back there (rule 2).
public struct ExternalReference: Hashable, Sendable, Codable {
    /// The source system's name as configured in its adapter, e.g. `verbeterdebuurt`.
    public let system: String
    /// The report's id in that system.
    public let id: String

    /// A reference with a non-blank system name and id.
    public init(system: String, id: String) throws(ReportError) {
        try String.checkRequired(system, field: "external_reference.system", max: 100)
        try String.checkRequired(id, field: "external_reference.id", max: 200)
        self.system = system
        self.id = id
    }

    /// A reference as an event already recorded it, so a replay never fails on an inconsistent stream.
    init(uncheckedSystem system: String, id: String) {
        self.system = system
        self.id = id
    }

    enum CodingKeys: String, CodingKey {
        case system, id
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(system: container.decode(String.self, forKey: .system), id: container.decode(String.self, forKey: .id))
        } catch let error as ReportError {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }
}
