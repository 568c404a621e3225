import Foundation
import Mustache

/// Escapes `{{value}}` for the inside of a JSON string, so a reporter's quote or newline cannot
/// break (or inject into) a JSON body. `{{{value}}}` stays raw, for numbers and booleans.
struct JSONStringContentType: MustacheContentType {
    /// Foundation writes the string literal; its quotes are taken off. Encoding only reads the
    /// options, so one encoder serves every template.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    func escapeText(_ text: String) -> String {
        guard let literal = try? Self.encoder.encode(text), literal.count >= 2 else { return "" }
        return String(decoding: literal.dropFirst().dropLast(), as: UTF8.self)
    }
}
