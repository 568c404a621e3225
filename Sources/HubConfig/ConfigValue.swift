import Foundation
import Yams

/// One node of the configuration file with where it is, so that every error names the file,
/// the line and the path of the value that is wrong.
public struct ConfigValue {
    public let node: Node
    public let path: String
    public let source: String

    public init(node: Node, path: String, source: String) {
        self.node = node
        self.path = path
        self.source = source
    }

    public func error(_ message: String) -> HubConfigError {
        let line = node.mark.map { "line \($0.line): " } ?? ""
        return HubConfigError(code: .invalid, source: source, path: path, message: line + message)
    }

    private func child(_ node: Node, _ key: String) -> ConfigValue {
        ConfigValue(node: node, path: path.isEmpty ? key : "\(path).\(key)", source: source)
    }

    private var mapping: Node.Mapping? {
        if case .mapping(let mapping) = node { return mapping }
        return nil
    }

    /// Refuses keys this level does not know: a typo must not silently become a default.
    public func checkKeys(_ allowed: Set<String>) throws(HubConfigError) {
        guard let mapping else { throw error("must be a mapping of keys to values") }
        for (key, value) in mapping {
            let name = key.string ?? "?"
            if !allowed.contains(name) {
                throw child(value, name).error("unknown key \"\(name)\"; known keys: \(allowed.sorted().joined(separator: ", "))")
            }
        }
    }

    public func optional(_ key: String) -> ConfigValue? {
        guard let value = mapping?[key] else { return nil }
        if case .scalar(let scalar) = value, scalar.string == "" || scalar.string == "~" || scalar.string == "null" {
            return nil
        }
        return child(value, key)
    }

    public func required(_ key: String) throws(HubConfigError) -> ConfigValue {
        guard mapping != nil else { throw error("must be a mapping of keys to values") }
        guard let value = optional(key) else { throw error("\"\(key)\" is required") }
        return value
    }

    public func string() throws(HubConfigError) -> String {
        guard case .scalar(let scalar) = node else { throw error("must be a text value") }
        return scalar.string
    }

    public func nonEmptyString() throws(HubConfigError) -> String {
        let text = try string().trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw error("must not be empty") }
        return text
    }

    public func bool() throws(HubConfigError) -> Bool {
        guard let value = node.bool else { throw error("must be true or false") }
        return value
    }

    public func list() throws(HubConfigError) -> [ConfigValue] {
        guard case .sequence(let sequence) = node else { throw error("must be a list") }
        return sequence.enumerated().map { index, element in
            ConfigValue(node: element, path: "\(path)[\(index)]", source: source)
        }
    }

    public func strings() throws(HubConfigError) -> [String] {
        try list().map { value throws(HubConfigError) in try value.nonEmptyString() }
    }

    /// Entries of a mapping, in file order.
    public func entries() throws(HubConfigError) -> [(key: String, value: ConfigValue)] {
        guard let mapping else { throw error("must be a mapping of keys to values") }
        return mapping.map { key, value in
            let name = key.string ?? "?"
            return (name, child(value, name))
        }
    }
}
