import Foundation
import ReportDomain
import Yams

/// The hub's configuration: its municipalities (categories, service levels, public status policy),
/// the external parties, and the API keys. Read from one YAML file (`HUB_CONFIG`), documented in
/// docs/configuration.md; a file with any error is refused whole, never half-loaded.
public struct HubConfiguration: Sendable {
    /// The hub's public base URL: the CloudEvents `source` and Open311 discovery's endpoint urls start with it.
    public var publicURL: String
    public var municipalities: [MunicipalityConfig]
    public var parties: [PartyConfig]
    public var apiKeys: [APIKeyConfig]

    private var municipalityIndex: [MunicipalityCode: Int]
    private var partyIndex: [PartyID: Int]
    private var keyIndex: [String: Int]

    public init(publicURL: String, municipalities: [MunicipalityConfig], parties: [PartyConfig], apiKeys: [APIKeyConfig]) {
        self.publicURL = publicURL
        self.municipalities = municipalities
        self.parties = parties
        self.apiKeys = apiKeys
        municipalityIndex = Dictionary(municipalities.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        partyIndex = Dictionary(parties.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        keyIndex = Dictionary(apiKeys.enumerated().map { ($1.sha256, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func municipality(_ code: MunicipalityCode) -> MunicipalityConfig? {
        municipalityIndex[code].map { municipalities[$0] }
    }

    /// The municipality's policy; an unknown municipality gets the defaults (it cannot receive
    /// new reports, but old events of a municipality removed from the file must still project).
    public func policy(for code: MunicipalityCode) -> MunicipalityPolicy {
        municipality(code)?.policy ?? MunicipalityPolicy(municipality: code)
    }

    public func party(_ id: PartyID) -> PartyConfig? {
        partyIndex[id].map { parties[$0] }
    }

    /// The key whose sha256 this is.
    public func apiKey(sha256: String) -> APIKeyConfig? {
        keyIndex[sha256].map { apiKeys[$0] }
    }

    /// Reads and checks the file at `path`.
    public static func load(path: String) throws(HubConfigError) -> HubConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw HubConfigError(code: .unreadable, source: path, path: "", message: "cannot read the file (\(error.localizedDescription))")
        }
        return try parse(yaml: text, source: path)
    }

    /// Parses and checks a configuration document.
    public static func parse(yaml: String, source: String = "<string>") throws(HubConfigError) -> HubConfiguration {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            throw HubConfigError(code: .syntax, source: source, path: "", message: "not valid YAML: \(error)")
        }
        guard let node else {
            throw HubConfigError(code: .invalid, source: source, path: "", message: "the file is empty")
        }
        return try ConfigurationReader(root: ConfigValue(node: node, path: "", source: source)).read()
    }
}
