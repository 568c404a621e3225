import Foundation

/// Writes Open311 documents as GeoReport v2 XML or JSON.
///
/// XML starts with `<?xml version="1.0" encoding="utf-8"?>`, has no namespace, and escapes
/// `& < > " '`; characters XML 1.0 cannot carry (most C0 controls, U+FFFE, U+FFFF) are dropped and
/// a carriage return is written as `&#13;` so parsers do not fold it into a line feed. JSON mirrors
/// the XML: a list document is a top-level array, an empty element is `null`. Both are written
/// compactly, fields in the order the spec lists them. Hand-written rather than through an XML
/// library: the documents are flat and fixed, and this keeps the module free of dependencies.
public struct Open311Encoder: Sendable {
    /// The zone datetimes are written in, e.g. `Europe/Amsterdam` for `+01:00`/`+02:00`; UTC (`Z`) by default.
    public var timeZone: TimeZone

    public init(timeZone: TimeZone = Open311Datetime.utc) {
        self.timeZone = timeZone
    }

    /// The document as text in the format.
    public func encode(_ document: some Open311Document, as format: Open311Format) -> String {
        var out = ""
        switch format {
        case .xml:
            out += #"<?xml version="1.0" encoding="utf-8"?>"# + "\n"
            writeXML(element: document.open311Root, document.open311Value, into: &out)
        case .json:
            writeJSON(document.open311Value, into: &out)
        }
        return out
    }

    /// The document as UTF-8 bytes, ready for a response body.
    public func encodeData(_ document: some Open311Document, as format: Open311Format) -> Data {
        Data(encode(document, as: format).utf8)
    }

    // MARK: XML

    private func writeXML(element name: String, _ value: Open311Value, into out: inout String) {
        out += "<\(name)>"
        switch value {
        case .text(let text):
            Self.appendXMLEscaped(text, to: &out)
        case .number(let number):
            out += Self.decimal(number) ?? ""
        case .integer(let integer):
            out += String(integer)
        case .boolean(let flag):
            out += flag ? "true" : "false"
        case .datetime(let date):
            out += Open311Datetime.format(date, in: timeZone)
        case .empty:
            break
        case .record(let fields):
            for field in fields {
                writeXML(element: field.name, field.value, into: &out)
            }
        case .list(let element, let items):
            for item in items {
                writeXML(element: element, item, into: &out)
            }
        }
        out += "</\(name)>"
    }

    static func appendXMLEscaped(_ text: String, to out: inout String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                // XML 1.0's Char production: no other C0 control, and neither U+FFFE nor U+FFFF
                // (Swift strings never hold surrogates).
                if scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
    }

    // MARK: JSON

    private func writeJSON(_ value: Open311Value, into out: inout String) {
        switch value {
        case .text(let text):
            Self.appendJSONString(text, to: &out)
        case .number(let number):
            out += Self.decimal(number) ?? "null"
        case .integer(let integer):
            out += String(integer)
        case .boolean(let flag):
            out += flag ? "true" : "false"
        case .datetime(let date):
            Self.appendJSONString(Open311Datetime.format(date, in: timeZone), to: &out)
        case .empty:
            out += "null"
        case .record(let fields):
            out += "{"
            for (index, field) in fields.enumerated() {
                if index > 0 { out += "," }
                Self.appendJSONString(field.name, to: &out)
                out += ":"
                writeJSON(field.value, into: &out)
            }
            out += "}"
        case .list(_, let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                writeJSON(item, into: &out)
            }
            out += "]"
        }
    }

    static func appendJSONString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            // U+2028/U+2029 are valid JSON but end a line in JavaScript; escaped for clients that eval.
            case "\u{2028}", "\u{2029}":
                out += "\\u" + String(scalar.value, radix: 16)
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    // MARK: Numbers

    /// Plain decimal notation of the shortest digits that read back as the same `Double`
    /// (`52.3702`, `0.00001`, never `1e-05`), or nil for NaN and infinities, which neither format has.
    static func decimal(_ number: Double) -> String? {
        guard number.isFinite else { return nil }
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        let shortest = number.description
        guard let e = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }),
              let exponent = Int(shortest[shortest.index(after: e)...].replacingOccurrences(of: "+", with: ""))
        else { return shortest }
        var mantissa = shortest[..<e]
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa = mantissa.dropFirst() }
        let integerDigits = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
        let digits = mantissa.filter { $0 != "." }
        let point = integerDigits + exponent
        var text: String
        if point <= 0 {
            text = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            text = digits + String(repeating: "0", count: point - digits.count)
        } else {
            text = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return (negative ? "-" : "") + text
    }
}
