/// A municipal department ("vakafdeling") that handles reports itself: roads, lighting, waste.
public struct Department: Hashable, Sendable, Codable {
    /// The department's code in the municipality's configuration.
    public let code: String
    /// The department's name for people.
    public let name: String

    /// A department with a non-blank code and name.
    public init(code: String, name: String) throws(ReportError) {
        try String.checkRequired(code, field: "department.code", max: 100)
        try String.checkRequired(name, field: "department.name", max: 200)
        self.code = code
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case code, name
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(code: container.decode(String.self, forKey: .code), name: container.decode(String.self, forKey: .name))
        } catch let error as ReportError {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }
}
