extension String {
    /// Whether the text holds nothing a person could read.
    var isBlank: Bool {
        allSatisfy(\.isWhitespace)
    }

    /// Checks an optional free text against a maximum length, naming the field when it is too long.
    /// Also refuses the NUL character, which no text of a report can hold (nor PostgreSQL store).
    static func checkLength(_ text: String?, field: String, max: Int) throws(ReportError) {
        guard let text else { return }
        if text.unicodeScalars.contains("\u{0}") {
            throw .invalidField(field: field, reason: "contains the NUL character (U+0000), which a text cannot hold")
        }
        guard text.count > max else { return }
        throw .invalidField(field: field, reason: "is \(text.count) characters long; at most \(max) are allowed")
    }

    /// Checks a required free text: not blank and at most `max` characters.
    static func checkRequired(_ text: String, field: String, max: Int) throws(ReportError) {
        guard !text.isBlank else {
            throw .invalidField(field: field, reason: "is empty")
        }
        try checkLength(text, field: field, max: max)
    }

    /// Checks that a text is an absolute http(s) address, as photo links must be: no spaces and no
    /// control characters (NUL among them, which PostgreSQL cannot store).
    static func checkWebAddress(_ text: String, field: String) throws(ReportError) {
        let lower = text.lowercased()
        let hasScheme = lower.hasPrefix("https://") || lower.hasPrefix("http://")
        let rest = lower.drop(while: { $0 != ":" }).dropFirst(3)
        let control = text.unicodeScalars.contains { $0.properties.generalCategory == .control }
        guard hasScheme, !rest.isEmpty, !control, !text.contains(where: \.isWhitespace), text.count <= 2000 else {
            throw .invalidField(field: field, reason: "must be an http or https address without spaces, but was \"\(text.prefix(80))\"")
        }
    }
}
