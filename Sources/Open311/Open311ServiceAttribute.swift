/// One attribute (extra question) of a service definition.
public struct Open311ServiceAttribute: Sendable, Hashable {
    /// True when the user answers it; false when it only informs (its `description` is shown).
    public var variable: Bool
    /// The attribute's code, posted as `attribute[code]`.
    public var code: String
    /// The kind of input.
    public var datatype: Open311AttributeDatatype
    /// Whether a request must answer it.
    public var required: Bool
    /// Help on the input's form; an empty element when there is none.
    public var datatypeDescription: String?
    /// Position in the form, from 1.
    public var order: Int
    /// The question, for people.
    public var description: String
    /// The choices of a list attribute; written as an empty `values` for other datatypes.
    public var values: [Open311AttributeValue]

    public init(
        variable: Bool = true,
        code: String,
        datatype: Open311AttributeDatatype,
        required: Bool,
        datatypeDescription: String? = nil,
        order: Int,
        description: String,
        values: [Open311AttributeValue] = []
    ) {
        self.variable = variable
        self.code = code
        self.datatype = datatype
        self.required = required
        self.datatypeDescription = datatypeDescription
        self.order = order
        self.description = description
        self.values = values
    }

    var open311Value: Open311Value {
        .record([
            Open311Field("variable", .boolean(variable)),
            Open311Field("code", .text(code)),
            Open311Field("datatype", .text(datatype.rawValue)),
            Open311Field("required", .boolean(required)),
            Open311Field("datatype_description", .text(orEmpty: datatypeDescription)),
            Open311Field("order", .integer(order)),
            Open311Field("description", .text(description)),
            Open311Field("values", .list(element: "value", items: values.map(\.open311Value))),
        ])
    }
}
