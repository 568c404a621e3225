import ArgumentParser
import EventLog
import Foundation
import HubConfig

/// Where the configuration file is: `HUB_CONFIG`, else deploy/hub.yaml of the checkout the
/// schemas were found in (the demo configuration).
enum ConfigurationFile {
    static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> HubConfiguration {
        let path: String
        if let configured = environment["HUB_CONFIG"], !configured.isEmpty {
            path = configured
        } else {
            path = try SchemaDirectory.locate(environment: environment)
                .deletingLastPathComponent().appendingPathComponent("deploy/hub.yaml").path
        }
        do {
            return try HubConfiguration.load(path: path)
        } catch {
            // A broken file stops the hub with the file, line and path of the mistake.
            throw ValidationError(error.description)
        }
    }
}
