/// A code the domain treats as opaque text (a category, a municipality, a party, a channel):
/// written and read as a bare JSON string, usable as a string literal, printed as itself.
public protocol DomainCode: Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The code as configured.
    var rawValue: String { get }
    /// Wraps a code without checking it.
    init(_ rawValue: String)
}

extension DomainCode {
    public init(stringLiteral value: String) {
        self.init(value)
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
