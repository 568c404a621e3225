/// One choice of a list attribute: `key` is posted, `name` is shown.
public struct Open311AttributeValue: Sendable, Hashable {
    /// What the client posts as the attribute's value.
    public var key: String
    /// What people see.
    public var name: String

    public init(key: String, name: String) {
        self.key = key
        self.name = name
    }

    var open311Value: Open311Value {
        .record([Open311Field("key", .text(key)), Open311Field("name", .text(name))])
    }
}
