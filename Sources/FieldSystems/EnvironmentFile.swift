import Foundation

/// A `NAME=value` file such as deploy/demo.env, read as the shell's `set -a; . file` would for
/// plain lines; comments (`#`) and blank lines are skipped.
public enum EnvironmentFile {
    public static func values(at file: URL) throws -> [String: String] {
        let text = try String(contentsOf: file, encoding: .utf8)
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
        }
        return values
    }

    /// The Standard Webhooks secrets of the simulated systems' adapters, from their
    /// `HUB_ADAPTER_<NAME>_SECRET` variables, by adapter name.
    public static func adapterSecrets(_ environment: [String: String]) -> [String: String] {
        var secrets: [String: String] = [:]
        for (name, value) in environment where name.hasPrefix("HUB_ADAPTER_") && name.hasSuffix("_SECRET") {
            let adapter = name.dropFirst("HUB_ADAPTER_".count).dropLast("_SECRET".count).lowercased().replacingOccurrences(of: "_", with: "-")
            secrets[adapter] = value
        }
        return secrets
    }
}
