/// The parameters of an `application/x-www-form-urlencoded` body or a query string, decoded.
///
/// `+` is a space, `%XX` a byte, and the bytes must be UTF-8; a malformed escape, invalid UTF-8 or
/// a NUL character is an `Open311Errors` (400) naming the parameter, never a crash or a silent
/// replacement. Names are decoded too, so `attribute%5BWHISPAWN%5D` is `attribute[WHISPAWN]`.
/// Order and repetition are kept. Per the spec an empty parameter counts as absent: the
/// accessors skip empty values.
public struct Open311Form: Sendable {
    /// Every parameter in the order sent, empty values included.
    public var parameters: [(name: String, value: String)]

    /// A form of already decoded parameters.
    public init(_ parameters: [(name: String, value: String)] = []) {
        self.parameters = parameters
    }

    /// Decodes a form body or query string (a leading `?` is ignored).
    public init(urlEncoded text: String) throws(Open311Errors) {
        try self.init(urlEncoded: Array(text.utf8))
    }

    /// Decodes the bytes of a form body or query string (a leading `?` is ignored).
    public init(urlEncoded bytes: some Collection<UInt8>) throws(Open311Errors) {
        var parameters: [(name: String, value: String)] = []
        var errors: [Open311Error] = []
        var body = bytes[...]
        if body.first == UInt8(ascii: "?") { body = body.dropFirst() }
        for (position, segment) in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true).enumerated() {
            let equals = segment.firstIndex(of: UInt8(ascii: "="))
            let rawName = segment[..<(equals ?? segment.endIndex)]
            let rawValue = equals.map { segment[segment.index(after: $0)...] } ?? segment[segment.endIndex...]
            let name: String
            switch Self.decode(rawName) {
            case .success(let decoded):
                name = decoded
            case .failure(let problem):
                errors.append(.badRequest("The name of parameter \(position + 1) \(problem.reason).", field: nil))
                continue
            }
            switch Self.decode(rawValue) {
            case .success(let value):
                if !name.isEmpty { parameters.append((name, value)) }
            case .failure(let problem):
                errors.append(.badRequest("The value of \(Self.quotedName(name)) \(problem.reason).", field: name))
            }
        }
        guard errors.isEmpty else { throw Open311Errors(errors) }
        self.parameters = parameters
    }

    /// The first non-empty value of the parameter; nil when it is absent or empty.
    public func value(_ name: String) -> String? {
        parameters.first { $0.name == name && !$0.value.isEmpty }?.value
    }

    /// Every non-empty value of the parameter, in the order sent.
    public func values(_ name: String) -> [String] {
        parameters.compactMap { $0.name == name && !$0.value.isEmpty ? $0.value : nil }
    }

    /// Whether the parameter was sent with a non-empty value.
    public func contains(_ name: String) -> Bool {
        value(name) != nil
    }

    // MARK: Decoding

    struct DecodingProblem: Error {
        var reason: String
    }

    /// Percent-decodes one name or value: `+` is a space, `%XX` a byte; the bytes must be UTF-8 without NUL.
    static func decode(_ raw: some Collection<UInt8>) -> Result<String, DecodingProblem> {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index != raw.endIndex {
            let byte = raw[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                let first = raw.index(after: index)
                guard first != raw.endIndex, raw.index(after: first) != raw.endIndex,
                      let high = hexValue(raw[first]), let low = hexValue(raw[raw.index(after: first)])
                else {
                    return .failure(DecodingProblem(reason: "has an invalid percent-encoding: \"%\" must be followed by two hexadecimal digits (send a percent sign as %25)"))
                }
                bytes.append(high << 4 | low)
                index = raw.index(after: first)
            } else {
                bytes.append(byte)
            }
            index = raw.index(after: index)
        }
        guard let text = utf8String(bytes) else {
            return .failure(DecodingProblem(reason: "is not valid UTF-8 (the form must be sent in UTF-8)"))
        }
        // PostgreSQL text cannot hold NUL, and no sensible field needs it.
        if text.unicodeScalars.contains("\0") {
            return .failure(DecodingProblem(reason: "contains a NUL character (%00), which is not allowed"))
        }
        return .success(text)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Strict UTF-8: overlong forms, surrogates and truncated sequences are refused, not replaced.
    private static func utf8String(_ bytes: [UInt8]) -> String? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var text = String.UnicodeScalarView()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): text.append(scalar)
            case .emptyInput: return String(text)
            case .error: return nil
            }
        }
    }

    /// A parameter name for an error message, shortened so a hostile name cannot flood it.
    static func quotedName(_ name: String) -> String {
        let visible = name.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }
        var shown = String(String.UnicodeScalarView(visible))
        if shown.count > 60 { shown = shown.prefix(60) + "…" }
        return shown.isEmpty ? "an unnamed parameter" : shown
    }
}
