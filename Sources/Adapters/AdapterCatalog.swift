import Foundation
import HubConfig

/// Every connected system, read from the adapter files of one folder and checked against the
/// hub configuration. All or nothing: one broken file and there is no catalog, so the hub never
/// runs with half its adapters.
public struct AdapterCatalog: Sendable {
    /// The adapters, ordered by name.
    public let adapters: [AdapterDefinition]
    private let index: [AdapterName: Int]

    public init(adapters: [AdapterDefinition]) {
        self.adapters = adapters.sorted { $0.name < $1.name }
        index = Dictionary(self.adapters.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public subscript(name: AdapterName) -> AdapterDefinition? {
        index[name].map { adapters[$0] }
    }

    /// Reads every `*.yaml` and `*.yml` file directly in `directory` (other files and folders,
    /// such as certificates, are left alone). `environment` supplies the `…_env` secrets.
    public static func load(
        directory: String, configuration: HubConfiguration,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(AdapterFileError) -> AdapterCatalog {
        let (adapters, issues) = read(directory: directory, configuration: configuration, environment: environment)
        let errors = issues.filter { $0.severity == .error }
        guard errors.isEmpty else {
            throw AdapterFileError(code: code(for: errors), issues: errors)
        }
        return AdapterCatalog(adapters: adapters)
    }

    /// Every problem, errors and warnings, in every file of the folder: what `hub adapters check` prints.
    public static func check(
        directory: String, configuration: HubConfiguration,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> [AdapterFileIssue] {
        read(directory: directory, configuration: configuration, environment: environment).issues
    }

    /// Every problem of one document, as if it were the file `file` (relative paths in it start at
    /// the file's folder).
    public static func check(
        yaml: String, file: String, configuration: HubConfiguration, environment: [String: String] = [:]
    ) -> [AdapterFileIssue] {
        let reader = AdapterFileReader(file: file, configuration: configuration, environment: environment)
        _ = reader.read(yaml: yaml)
        return reader.issues
    }

    /// The adapter files of a folder, sorted; an error when the folder cannot be read.
    public static func files(in directory: String) throws(AdapterFileError) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw AdapterFileError(code: .unreadable, issues: [
                AdapterFileIssue(file: directory, line: nil, path: "", message: "cannot read the adapters folder (\(error.localizedDescription))")
            ])
        }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .filter { !$0.hasPrefix(".") }
            .sorted()
            .map { directory.hasSuffix("/") ? directory + $0 : directory + "/" + $0 }
            .filter { path in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
            }
    }

    private static func read(
        directory: String, configuration: HubConfiguration, environment: [String: String]
    ) -> (adapters: [AdapterDefinition], issues: [AdapterFileIssue]) {
        let files: [String]
        do {
            files = try self.files(in: directory)
        } catch {
            return ([], error.issues)
        }
        var adapters: [AdapterDefinition] = []
        var issues: [AdapterFileIssue] = []
        var seen: [AdapterName: String] = [:]
        for file in files {
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                issues.append(AdapterFileIssue(file: file, line: nil, path: "", message: "cannot read the file (\(error.localizedDescription))"))
                continue
            }
            let reader = AdapterFileReader(file: file, configuration: configuration, environment: environment)
            let adapter = reader.read(yaml: text)
            issues += reader.issues
            guard let adapter else { continue }
            if let other = seen[adapter.name] {
                issues.append(AdapterFileIssue(
                    file: file, line: reader.nameLine, path: "name",
                    message: "the name \"\(adapter.name)\" is already used by \(other); every adapter needs its own name"))
                continue
            }
            seen[adapter.name] = file
            adapters.append(adapter)
        }
        return (adapters, issues)
    }

    private static func code(for errors: [AdapterFileIssue]) -> AdapterFileError.Code {
        if errors.contains(where: { $0.message.hasPrefix("cannot read") }) { return .unreadable }
        if errors.contains(where: { $0.message.hasPrefix("not valid YAML") }) { return .syntax }
        return .invalid
    }
}
