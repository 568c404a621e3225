import Foundation

/// A small checker for the part of JSON Schema the event schemas use: `type` (string or list),
/// `enum`, `$ref` into `$defs`, `anyOf`, `properties`, `required`, `additionalProperties: false`
/// and `items`. Enough to prove the encoder and the schema files agree, without a dependency.
struct JSONSchemaChecker {
    let root: [String: Any]

    /// Every disagreement between `value` and `schema`, as readable paths; empty when they agree.
    func problems(_ value: Any, against schema: [String: Any], at path: String = "$") -> [String] {
        if let reference = schema["$ref"] as? String {
            guard let target = resolve(reference) else { return ["\(path): unresolvable $ref \(reference)"] }
            return problems(value, against: target, at: path)
        }
        if let options = schema["anyOf"] as? [[String: Any]] {
            let fits = options.contains { problems(value, against: $0, at: path).isEmpty }
            return fits ? [] : ["\(path): matches none of anyOf"]
        }
        var found: [String] = []
        let actual = Self.jsonType(of: value)
        if let allowed = allowedTypes(schema), !allowed.contains(actual), !(actual == "integer" && allowed.contains("number")) {
            found.append("\(path): is \(actual), schema allows \(allowed.sorted())")
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal($0, value) }) {
            found.append("\(path): \(value) is not one of the enum values")
        }
        if let object = value as? [String: Any], let properties = schema["properties"] as? [String: [String: Any]] {
            for key in (schema["required"] as? [String] ?? []) where object[key] == nil {
                found.append("\(path).\(key): required but missing")
            }
            for (key, child) in object {
                if let childSchema = properties[key] {
                    found += problems(child, against: childSchema, at: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    found.append("\(path).\(key): not in the schema's properties")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() {
                found += problems(item, against: items, at: "\(path)[\(index)]")
            }
        }
        return found
    }

    /// The JSON types a schema node allows, from `type` or from its `enum` values; `nil` when it does not say.
    func allowedTypes(_ schema: [String: Any]) -> Set<String>? {
        if let reference = schema["$ref"] as? String, let target = resolve(reference) {
            return allowedTypes(target)
        }
        if let options = schema["anyOf"] as? [[String: Any]] {
            var union = Set<String>()
            for option in options {
                guard let types = allowedTypes(option) else { return nil }
                union.formUnion(types)
            }
            return union
        }
        if let type = schema["type"] as? String { return [type] }
        if let types = schema["type"] as? [String] { return Set(types) }
        if let options = schema["enum"] as? [Any] { return Set(options.map(Self.jsonType(of:))) }
        return nil
    }

    private func resolve(_ reference: String) -> [String: Any]? {
        guard reference.hasPrefix("#/$defs/") else { return nil }
        let name = String(reference.dropFirst("#/$defs/".count))
        return (root["$defs"] as? [String: Any])?[name] as? [String: Any]
    }

    /// The JSON type of a value from JSONSerialization. Booleans come back as NSNumber too, so
    /// they are told apart by their class; whole numbers count as "integer".
    static func jsonType(of value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case is String: return "string"
        case is [Any]: return "array"
        case is [String: Any]: return "object"
        case let number as NSNumber:
            if type(of: number) == type(of: NSNumber(value: true)) { return "boolean" }
            let double = number.doubleValue
            return double.rounded() == double && !"\(number)".contains(".") ? "integer" : "number"
        default: return "unknown"
        }
    }

    private static func equal(_ lhs: Any, _ rhs: Any) -> Bool {
        switch (lhs, rhs) {
        case (let lhs as String, let rhs as String): lhs == rhs
        case (let lhs as NSNumber, let rhs as NSNumber): lhs == rhs
        case (is NSNull, is NSNull): true
        default: false
        }
    }
}
