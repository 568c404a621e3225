extension Open311Form {
    /// The service attributes sent as `attribute[code]=value` or, for a multi-value list,
    /// `attribute[code][]=value` (repeated); empty values are absent, codes without a value are left out.
    ///
    /// A parameter that starts like an attribute but is not one of these two forms
    /// (`attribute[code`, `attribute[]`, `attribute[a][b]`) is an error naming it.
    public func attributes() throws(Open311Errors) -> [String: [String]] {
        var attributes: [String: [String]] = [:]
        var errors: [Open311Error] = []
        for (name, value) in parameters where name == "attribute" || name.hasPrefix("attribute[") {
            guard let code = Self.attributeCode(name) else {
                errors.append(.badRequest(
                    "The parameter \(Self.quotedName(name)) is malformed: send attribute[code]=value, or attribute[code][]=value for each value of a multi-value list.",
                    field: name
                ))
                continue
            }
            if !value.isEmpty { attributes[code, default: []].append(value) }
        }
        guard errors.isEmpty else { throw Open311Errors(errors) }
        return attributes
    }

    /// The code of `attribute[code]` or `attribute[code][]`; nil for anything else.
    private static func attributeCode(_ name: String) -> String? {
        guard name.hasPrefix("attribute[") else { return nil }
        let rest = name.dropFirst("attribute[".count)
        guard let close = rest.firstIndex(of: "]") else { return nil }
        let code = rest[..<close]
        let tail = rest[rest.index(after: close)...]
        guard !code.isEmpty, !code.contains("["), tail.isEmpty || tail == "[]" else { return nil }
        return String(code)
    }
}
