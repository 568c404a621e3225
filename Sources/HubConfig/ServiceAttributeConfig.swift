/// An extra question a category asks at submission (an Open311 service definition attribute).
public struct ServiceAttributeConfig: Sendable, Hashable {
    public enum Datatype: String, Sendable, Hashable, CaseIterable {
        case string, number, datetime, text, singlevaluelist, multivaluelist
    }

    public var code: String
    public var description: String
    public var datatype: Datatype
    public var required: Bool
    /// Allowed values (key → name) for the list datatypes, in order.
    public var values: [(key: String, name: String)]

    public init(code: String, description: String, datatype: Datatype, required: Bool, values: [(key: String, name: String)] = []) {
        self.code = code
        self.description = description
        self.datatype = datatype
        self.required = required
        self.values = values
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.code == rhs.code && lhs.description == rhs.description && lhs.datatype == rhs.datatype
            && lhs.required == rhs.required && lhs.values.map(\.key) == rhs.values.map(\.key)
            && lhs.values.map(\.name) == rhs.values.map(\.name)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }
}
