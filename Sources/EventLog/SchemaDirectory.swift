import Foundation

/// Finds the project's `schemas/` folder, the one home of its SQL.
///
/// SwiftPM cannot bundle files from outside a target's folder, and the SQL belongs in
/// `schemas/`, so it is found at run time: `HUB_SCHEMAS_DIR` if set (installed hubs, see
/// deploy/), else the nearest `schemas/` above the executable or the current directory (a
/// checkout's `.build/…/hub` and its tests).
public enum SchemaDirectory {
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        if let configured = environment["HUB_SCHEMAS_DIR"], !configured.isEmpty {
            let url = URL(fileURLWithPath: configured)
            guard isSchemas(url) else {
                throw EventLogError(code: .migration, message: "HUB_SCHEMAS_DIR=\(configured) has no postgres/bootstrap.sql")
            }
            return url
        }
        var starts: [URL] = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() { starts.insert(executable, at: 0) }
        for start in starts {
            var folder = start
            for _ in 0..<12 {
                let candidate = folder.appendingPathComponent("schemas")
                if isSchemas(candidate) { return candidate }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        throw EventLogError(
            code: .migration, message: "cannot find schemas/postgres; set HUB_SCHEMAS_DIR to the schemas folder")
    }

    /// schemas/postgres, where the migrations are.
    public static func migrations(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        try locate(environment: environment).appendingPathComponent("postgres")
    }

    private static func isSchemas(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("postgres/bootstrap.sql").path)
    }
}
