import Foundation
import HubConfig
import ReportDomain
import Yams

/// Reads one adapter file against the hub configuration, collecting every problem it finds.
///
/// Each part of the file (name, scope, outbound, inbound, …) is read on its own, so one mistake
/// does not hide the others; a definition comes out only when no part had an error.
final class AdapterFileReader {
    let file: String
    /// The folder relative paths (TLS files, secret files) are resolved against.
    let folder: URL
    let configuration: HubConfiguration
    let environment: [String: String]
    private(set) var issues: [AdapterFileIssue] = []
    /// The line of `name:`, for a name another file already uses.
    private(set) var nameLine: Int?

    init(file: String, configuration: HubConfiguration, environment: [String: String]) {
        self.file = file
        self.folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        self.configuration = configuration
        self.environment = environment
    }

    static let topKeys: Set<String> = [
        "name", "display_name", "municipalities", "party", "processing_agreement", "outbound", "inbound", "polling",
        "categories", "statuses",
    ]

    /// Every event type name the log stores.
    static let eventTypes = Set(ReportEvent.allTypes.map(\.eventType))

    func read(yaml: String) -> AdapterDefinition? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            let line = (error as? YamlError).flatMap(Self.line(of:))
            issues.append(AdapterFileIssue(file: file, line: line, path: "", message: "not valid YAML: \(error)"))
            return nil
        }
        guard let node else {
            issues.append(AdapterFileIssue(file: file, line: nil, path: "", message: "the file is empty"))
            return nil
        }
        return read(ConfigValue(node: node, path: "", source: file))
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    private func read(_ root: ConfigValue) -> AdapterDefinition? {
        guard checkKeys(root, Self.topKeys) else { return nil }
        let name = part { () throws(AdapterFileIssue) in try self.name(root) }
        let displayName = (part { () throws(AdapterFileIssue) in try root.child("display_name")?.text() } ?? nil) ?? name?.rawValue
        let municipalities = part { () throws(AdapterFileIssue) in try self.municipalities(root) }
        let scope = municipalities.map(Set.init)
        let party = part { () throws(AdapterFileIssue) in try self.party(root) }
        let personalData = part { () throws(AdapterFileIssue) in try self.personalData(root, party: party ?? nil) }
        let categories = part { () throws(AdapterFileIssue) in
            try root.child("categories").map { value throws(AdapterFileIssue) in try self.categoryMapping(value, scope: scope) } ?? CategoryMapping()
        }
        let statuses = root.child("statuses").map { value in statusMapping(value, party: party ?? nil) } ?? StatusMapping()
        let outbound = part { () throws(AdapterFileIssue) in
            try root.child("outbound").map { value throws(AdapterFileIssue) in
                try self.outbound(value, scope: scope, party: party ?? nil)
            }
        }
        let inbound = part { () throws(AdapterFileIssue) in
            try root.child("inbound").map { value throws(AdapterFileIssue) in try self.inbound(value, root: root) }
        }
        let polling = part { () throws(AdapterFileIssue) in
            try root.child("polling").map { value throws(AdapterFileIssue) in try self.polling(value) }
        }
        checkSides(root, outbound: outbound ?? nil, inbound: inbound ?? nil, polling: polling ?? nil, statuses: statuses)
        guard !issues.contains(where: { $0.severity == .error }),
              let name, let displayName, let municipalities, let party, let personalData, let categories, let statuses,
              let outbound, let inbound, let polling
        else { return nil }
        return AdapterDefinition(
            name: name, displayName: displayName, file: file, municipalities: municipalities, party: party,
            personalData: personalData, outbound: outbound, inbound: inbound, polling: polling,
            categories: categories, statuses: statuses)
    }

    // MARK: Collecting issues

    /// Reads one part, recording its error instead of stopping the file.
    func part<T>(_ read: () throws(AdapterFileIssue) -> T) -> T? {
        do {
            return try read()
        } catch {
            issues.append(error)
            return nil
        }
    }

    func warn(_ value: ConfigValue, _ message: String) {
        issues.append(value.issue(message, severity: .warning))
    }

    /// Records every key this level does not know (a typo must not silently become a default);
    /// `false` when the value is not a mapping at all.
    @discardableResult
    func checkKeys(_ value: ConfigValue, _ allowed: Set<String>) -> Bool {
        guard let entries = part({ () throws(AdapterFileIssue) in try value.pairs() }) else { return false }
        for (key, child) in entries where !allowed.contains(key) {
            issues.append(child.issue("unknown key \"\(key)\"; known keys: \(allowed.sorted().joined(separator: ", "))"))
        }
        return true
    }

    /// Like `checkKeys`, but an unknown key stops the part that is being read.
    func requireKeys(_ value: ConfigValue, _ allowed: Set<String>) throws(AdapterFileIssue) {
        let before = issues.count
        guard checkKeys(value, allowed) else { throw issues.removeLast() }
        if issues.count > before { throw issues.removeLast() }
    }

    // MARK: Who the system is

    private func name(_ root: ConfigValue) throws(AdapterFileIssue) -> AdapterName {
        let value = try root.requiredChild("name")
        nameLine = value.line
        let text = try value.text()
        guard let name = AdapterName(rawValue: text) else {
            throw value.issue("must be 1 to 63 lower-case letters, digits or hyphens, starting with a letter or digit, such as lichtpunt, but was \"\(text)\"")
        }
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        if stem != text {
            warn(value, "differs from the file name \(URL(fileURLWithPath: file).lastPathComponent); name the file \(text).yaml so people find it")
        }
        return name
    }

    private func municipalities(_ root: ConfigValue) throws(AdapterFileIssue) -> [MunicipalityCode] {
        let list = try root.requiredChild("municipalities").items()
        guard !list.isEmpty else { throw try root.requiredChild("municipalities").issue("must list at least one municipality") }
        var codes: [MunicipalityCode] = []
        for item in list {
            let code = MunicipalityCode(try item.text())
            guard configuration.municipality(code) != nil else {
                let known = configuration.municipalities.map(\.code.rawValue).joined(separator: ", ")
                throw item.issue("names municipality \"\(code)\", which is not in the hub configuration (known: \(known))")
            }
            guard !codes.contains(code) else { throw item.issue("names municipality \"\(code)\" twice") }
            codes.append(code)
        }
        return codes
    }

    private func party(_ root: ConfigValue) throws(AdapterFileIssue) -> PartyID? {
        guard let value = root.child("party") else { return nil }
        let id = PartyID(try value.text())
        guard configuration.party(id) != nil else {
            let known = configuration.parties.map(\.id.rawValue).joined(separator: ", ")
            throw value.issue("names party \"\(id)\", which is not in the hub configuration (known: \(known.isEmpty ? "none" : known))")
        }
        return id
    }

    /// A party's system gets personal data only under the party's processing agreement (rule 4).
    private func personalData(_ root: ConfigValue, party: PartyID?) throws(AdapterFileIssue) -> Bool {
        guard let value = root.child("processing_agreement") else { return false }
        let allowed = try value.flag()
        if allowed, let party, configuration.party(party)?.processingAgreement != true {
            throw value.issue("party \"\(party)\" has no processing agreement in the hub configuration, so its system may not receive personal data; set processing_agreement: false, or record the agreement under parties first")
        }
        return allowed
    }

    private func checkSides(_ root: ConfigValue, outbound: OutboundSettings?, inbound: InboundSettings?, polling: PollingSettings?, statuses: StatusMapping?) {
        let hasOutbound = root.child("outbound") != nil
        let hasInbound = root.child("inbound") != nil
        let hasPolling = root.child("polling") != nil
        if !hasOutbound && !hasInbound && !hasPolling {
            issues.append(root.issue("says neither outbound, inbound nor polling: the system would not be connected at all"))
        }
        if hasPolling && !hasInbound, let value = root.child("polling") {
            issues.append(value.issue("needs an inbound section: it says where each polled update's report, status and fields are"))
        }
        if hasInbound || hasPolling, let statuses, statuses.inbound.isEmpty {
            let value = root.child("statuses") ?? root
            issues.append(value.issue("needs statuses.inbound: what each of the system's status codes means (e.g. GEREED: done)"))
        }
        if !hasInbound, let statuses, !statuses.inbound.isEmpty, let value = root.child("statuses")?.child("inbound") {
            warn(value, "is not used: the adapter has no inbound section")
        }
    }
}
