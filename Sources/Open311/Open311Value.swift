import struct Foundation.Date

/// A value of an Open311 document in the one shape both wire formats are written from.
///
/// GeoReport v2 defines JSON as a mapping of its XML (the "Spark convention"): an element
/// with children becomes an object, a container of repeated elements becomes an array, an
/// empty element becomes `null`. Documents describe themselves once in these terms and
/// `Open311Encoder` writes either format from it, so the two cannot drift apart.
public indirect enum Open311Value: Sendable {
    /// Text; escaped for XML, quoted for JSON.
    case text(String)
    /// A number such as `lat`; written in plain decimal notation. Not-finite numbers are written as no value.
    case number(Double)
    /// An integer such as an attribute's `order` or an error's `code`.
    case integer(Int)
    /// `true` or `false`.
    case boolean(Bool)
    /// A point in time, written in ISO 8601 with a zone in the encoder's time zone.
    case datetime(Date)
    /// No value: an empty element in XML, `null` in JSON.
    case empty
    /// Named fields in order: child elements in XML, an object in JSON.
    case record([Open311Field])
    /// Repeated values: a container of elements all named `element` in XML, an array in JSON.
    case list(element: String, items: [Open311Value])
}

extension Open311Value {
    /// Text, or no value when there is none.
    static func text(orEmpty text: String?) -> Open311Value {
        text.map(Open311Value.text) ?? .empty
    }
}
