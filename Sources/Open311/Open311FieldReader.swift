import Foundation

/// Reads and checks the parameters of one form, collecting an `Open311Error` per problem so a
/// client learns everything that is wrong in one answer.
struct Open311FieldReader {
    /// Longest accepted value of a short field (codes, ids, names, phone numbers).
    static let shortFieldLimit = 255
    /// Longest accepted `description` (the spec's 4,000 characters).
    static let descriptionLimit = 4000
    /// Longest accepted URL.
    static let urlLimit = 2048

    let form: Open311Form
    private(set) var errors: [Open311Error] = []

    init(_ form: Open311Form) {
        self.form = form
    }

    mutating func fail(_ field: String, _ reason: String) {
        errors.append(.badRequest("\(field) \(reason).", field: field))
    }

    /// Adds an error found elsewhere.
    mutating func fail(_ error: Open311Error) {
        errors.append(error)
    }

    /// Throws the collected errors, if any.
    func finish() throws(Open311Errors) {
        if !errors.isEmpty { throw Open311Errors(errors) }
    }

    /// A single-valued parameter, trimmed; blank counts as absent. Sent twice with different
    /// values it is an error: which one was meant cannot be known.
    mutating func single(_ name: String, trimmed: Bool = true) -> String? {
        var distinct: [String] = []
        for value in form.values(name) {
            let candidate = trimmed ? value.trimmingOpen311Whitespace() : value
            if candidate.allSatisfy(\.isWhitespace) { continue }
            if !distinct.contains(candidate) { distinct.append(candidate) }
        }
        if distinct.count > 1 {
            fail(name, "was sent \(distinct.count) times with different values; send it once")
            return nil
        }
        return distinct.first
    }

    /// A short text such as a code, id, name or phone number.
    mutating func text(_ name: String, required: Bool = false, maxLength: Int = shortFieldLimit) -> String? {
        guard let value = single(name) else {
            if required, !errors.contains(where: { $0.field == name }) { fail(name, "is required") }
            return nil
        }
        guard value.count <= maxLength else {
            fail(name, "is \(value.count) characters long; at most \(maxLength) are allowed")
            return nil
        }
        return value
    }

    /// Free text kept as sent (line breaks included), at most `maxLength` characters.
    mutating func freeText(_ name: String, maxLength: Int = descriptionLimit) -> String? {
        guard let value = single(name, trimmed: false) else { return nil }
        guard value.count <= maxLength else {
            fail(name, "is \(value.count) characters long; at most \(maxLength) are allowed")
            return nil
        }
        return value
    }

    /// `lat` and `long` together, as decimal WGS84 degrees in range.
    ///
    /// Returns whether either was sent, so the caller does not also ask for a location when a
    /// sent one was only malformed.
    mutating func coordinate() -> (coordinate: Open311Coordinate?, sent: Bool) {
        let lat = single("lat")
        let long = single("long")
        switch (lat, long) {
        case (nil, nil):
            return (nil, false)
        case (.some, nil):
            fail("long", "is required when lat is sent: send both or neither")
            return (nil, true)
        case (nil, .some):
            fail("lat", "is required when long is sent: send both or neither")
            return (nil, true)
        case (.some(let lat), .some(let long)):
            let latitude = degrees("lat", lat, limit: 90)
            let longitude = degrees("long", long, limit: 180)
            guard let latitude, let longitude else { return (nil, true) }
            return (Open311Coordinate(latitude: latitude, longitude: longitude), true)
        }
    }

    private mutating func degrees(_ name: String, _ text: String, limit: Double) -> Double? {
        guard Self.isDecimal(text), let value = Double(text), value.isFinite else {
            let hint = text.contains(",") ? " (use a decimal point, not a comma)" : ""
            fail(name, "must be a decimal number of degrees (WGS84), got \(Self.shown(text))\(hint)")
            return nil
        }
        guard abs(value) <= limit else {
            fail(name, "must be between -\(Int(limit)) and \(Int(limit)) degrees (WGS84), got \(Self.shown(text))")
            return nil
        }
        return value
    }

    /// `[+-]digits[.digits][e[+-]digits]`: what Swift's `Double(_:)` also reads as hex, `nan` or `inf` is refused.
    static func isDecimal(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func skipSign() {
            if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" { index += 1 }
        }
        func digitCount() -> Int {
            let start = index
            while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
            return index - start
        }
        skipSign()
        var mantissaDigits = digitCount()
        if index < scalars.count, scalars[index] == "." {
            index += 1
            mantissaDigits += digitCount()
        }
        guard mantissaDigits > 0 else { return false }
        if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
            index += 1
            skipSign()
            guard digitCount() > 0 else { return false }
        }
        return index == scalars.count
    }

    /// An e-mail address of plausible shape: one `@`, a local part, a domain with a dot, no spaces.
    /// Deliverability is not checked here.
    mutating func email(_ name: String) -> String? {
        guard let value = text(name, maxLength: 254) else { return nil }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        let forbidden = Set<Character>(" \t\r\n<>()[]\\,;:\"")
        let valid = parts.count == 2
            && !parts[0].isEmpty && parts[0].count <= 64
            && !parts[0].contains(where: { forbidden.contains($0) })
            && !parts[0].hasPrefix(".") && !parts[0].hasSuffix(".") && !parts[0].contains("..")
            && Self.isDomain(parts[1])
        guard valid else {
            // The address itself is not repeated: it is personal data.
            fail(name, "is not an e-mail address of the form name@example.nl")
            return nil
        }
        return value
    }

    private static func isDomain(_ domain: Substring) -> Bool {
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" }
        }
    }

    /// Every `media_url` sent (mySociety clients may send several), each an absolute http(s) URL.
    mutating func mediaURLs(_ name: String) -> [URL] {
        var urls: [URL] = []
        for value in form.values(name).map({ $0.trimmingOpen311Whitespace() }) where !value.isEmpty {
            guard value.count <= Self.urlLimit else {
                fail(name, "is \(value.count) characters long; at most \(Self.urlLimit) are allowed")
                continue
            }
            guard let url = URL(string: value),
                  let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
                  let host = url.host, !host.isEmpty
            else {
                fail(name, "must be an absolute http or https URL, got \(Self.shown(value))")
                continue
            }
            if !urls.contains(url) { urls.append(url) }
        }
        return urls
    }

    /// An ISO 8601 datetime with a zone.
    mutating func datetime(_ name: String, required: Bool = false) -> Date? {
        guard let value = single(name) else {
            if required, !errors.contains(where: { $0.field == name }) { fail(name, "is required") }
            return nil
        }
        guard let date = Open311Datetime.parse(value) else {
            fail(name, "must be an ISO 8601 datetime with a zone, such as 2026-11-23T14:05:00+01:00 or 2026-11-23T13:05:00Z; got \(Self.shown(value))")
            return nil
        }
        return date
    }

    /// `TRUE` or `FALSE`, in any case (`1`/`0` also read).
    mutating func flag(_ name: String) -> Bool? {
        guard let value = single(name) else { return nil }
        switch value.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default:
            fail(name, "must be TRUE or FALSE, got \(Self.shown(value))")
            return nil
        }
    }

    /// A comma-separated list, also when the parameter is repeated: trimmed, blanks dropped, duplicates removed.
    mutating func commaList(_ name: String) -> [String] {
        var items: [String] = []
        for value in form.values(name) {
            for item in value.split(separator: ",") {
                let trimmed = item.trimmingOpen311Whitespace()
                if !trimmed.isEmpty, !items.contains(trimmed) { items.append(trimmed) }
            }
        }
        return items
    }

    /// A value quoted for an error message, shortened so a hostile value cannot flood it.
    /// Only used for values that are not personal data (numbers, statuses, dates, URLs).
    static func shown(_ value: String) -> String {
        let visible = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
        return "\"" + (visible.count > 60 ? visible.prefix(60) + "…" : visible) + "\""
    }
}
