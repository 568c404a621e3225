import Foundation
import HubConfig

extension AdapterDefinition {
    /// Reads one adapter document as if it were the file `file` (relative paths in it start at
    /// the file's folder); every error of the document, or the definition.
    public static func parse(
        yaml: String, file: String, configuration: HubConfiguration, environment: [String: String] = [:]
    ) throws(AdapterFileError) -> AdapterDefinition {
        let reader = AdapterFileReader(file: file, configuration: configuration, environment: environment)
        let definition = reader.read(yaml: yaml)
        let errors = reader.issues.filter { $0.severity == .error }
        guard let definition, errors.isEmpty else {
            throw AdapterFileError(code: errors.contains { $0.message.hasPrefix("not valid YAML") } ? .syntax : .invalid, issues: errors)
        }
        return definition
    }
}
