/// A key of a document's nested object, written as a string literal where the documents encode
/// a domain value field by field (`KeyedEncodingContainer+Documents.swift`).
struct DocumentKey: CodingKey, ExpressibleByStringLiteral {
    let stringValue: String

    init(stringLiteral value: String) {
        stringValue = value
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    var intValue: Int? { nil }

    init?(intValue: Int) {
        nil
    }
}
