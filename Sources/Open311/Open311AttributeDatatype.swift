/// The kind of input a service attribute asks for.
public enum Open311AttributeDatatype: String, Sendable, Hashable, CaseIterable {
    /// One line of text.
    case string
    /// A number.
    case number
    /// An ISO 8601 datetime.
    case datetime
    /// Text that may span lines.
    case text
    /// One of `values`.
    case singlevaluelist
    /// Any number of `values`, posted as `attribute[code][]=key`.
    case multivaluelist
}
