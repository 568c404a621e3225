/// One named field of an `Open311Value.record`: an element in XML, a member in JSON.
public struct Open311Field: Sendable {
    /// The element or member name, e.g. `service_request_id`.
    public var name: String
    /// The field's value.
    public var value: Open311Value

    public init(_ name: String, _ value: Open311Value) {
        self.name = name
        self.value = value
    }
}

extension [Open311Field] {
    /// Appends a field.
    mutating func append(_ name: String, _ value: Open311Value) {
        append(Open311Field(name, value))
    }

    /// Appends a field only when it has a value; for fields the spec says "may not be returned".
    mutating func append(_ name: String, ifPresent value: Open311Value?) {
        if let value { append(Open311Field(name, value)) }
    }
}
