import HubConfig
import ReportDomain
import Yams

/// The `categories:` and `statuses:` parts: their words ⇄ ours.
extension AdapterFileReader {
    func categoryMapping(_ value: ConfigValue, scope: Set<MunicipalityCode>?) throws(AdapterFileIssue) -> CategoryMapping {
        var mapping = CategoryMapping()
        for item in try value.items() {
            try requireKeys(item, ["ours", "theirs"])
            let oursValue = try item.requiredChild("ours")
            let ours = try oursValue.text()
            if let scope, !knownCategories(scope).contains(ours) {
                throw oursValue.issue("is not a category of \(scope.map(\.rawValue).sorted().joined(separator: ", ")) (known: \(knownCategories(scope).sorted().joined(separator: ", ")))")
            }
            let theirsValue = try item.requiredChild("theirs")
            let theirs = try theirsValue.text()
            if mapping.ours(for: theirs) != nil {
                throw theirsValue.issue("their code \"\(theirs)\" is mapped twice; inbound it must mean one category")
            }
            mapping.pairs.append((CategoryCode(ours), theirs))
        }
        return mapping
    }

    /// Both directions are read on their own, so a mistake in one does not hide the other's.
    func statusMapping(_ value: ConfigValue, party: PartyID?) -> StatusMapping? {
        guard part({ () throws(AdapterFileIssue) in try requireKeys(value, ["outbound", "inbound"]) }) != nil else { return nil }
        let outbound = part { () throws(AdapterFileIssue) in try outboundStatuses(value.child("outbound")) }
        let inbound = part { () throws(AdapterFileIssue) in try inboundStatuses(value.child("inbound"), party: party) }
        guard let outbound, let inbound else { return nil }
        return StatusMapping(outbound: outbound, inbound: inbound)
    }

    private func outboundStatuses(_ value: ConfigValue?) throws(AdapterFileIssue) -> [String: OutboundStatus] {
        var mapping: [String: OutboundStatus] = [:]
        let statusNames = ReportStatus.allCases.map(\.rawValue)
        for (key, child) in try value?.pairs() ?? [] {
            guard Self.eventTypes.contains(key) || statusNames.contains(key) else {
                throw child.issue("is neither a report status (\(statusNames.joined(separator: ", "))) nor an event type (\(Self.eventTypes.sorted().joined(separator: ", ")))")
            }
            mapping[key] = try outboundStatus(child)
        }
        return mapping
    }

    private func inboundStatuses(_ value: ConfigValue?, party: PartyID?) throws(AdapterFileIssue) -> [String: InboundStatusRule] {
        var mapping: [String: InboundStatusRule] = [:]
        for (code, child) in try value?.pairs() ?? [] {
            let rule = try inboundRule(child)
            if let party, !rule.action.isForParties {
                throw child.issue("\(rule.action.rawValue) is the municipality's decision; party \(party)'s system may send schedule, start_work, done, reject, comment, reopen or ignore")
            }
            if party == nil, !rule.action.isForMunicipalSystems {
                throw child.issue("\(rule.action.rawValue) can only come from a party's system: this adapter names no party")
            }
            mapping[code] = rule
        }
        return mapping
    }

    /// `CODE` or `{ code: CODE, text: "…" }`.
    private func outboundStatus(_ value: ConfigValue) throws(AdapterFileIssue) -> OutboundStatus {
        if value.node.scalar != nil {
            return OutboundStatus(code: try value.text())
        }
        try requireKeys(value, ["code", "text"])
        return OutboundStatus(code: try value.requiredChild("code").text(), text: try value.child("text")?.text())
    }

    /// `action` or `{ action: close, closure: administrative, public_text: "…" }`.
    private func inboundRule(_ value: ConfigValue) throws(AdapterFileIssue) -> InboundStatusRule {
        let actionValue: ConfigValue
        var rule: InboundStatusRule
        if value.node.scalar != nil {
            actionValue = value
            rule = InboundStatusRule(action: try action(value))
        } else {
            try requireKeys(value, ["action", "closure", "public_text"])
            actionValue = try value.requiredChild("action")
            rule = InboundStatusRule(action: try action(actionValue), publicText: try value.child("public_text")?.text())
            if let closure = value.child("closure") {
                let text = try closure.text()
                guard let reason = ClosureReason(rawValue: text) else {
                    throw closure.issue("must be one of \(ClosureReason.allCases.map(\.rawValue).joined(separator: ", ")), but was \"\(text)\"")
                }
                guard rule.action == .close else { throw closure.issue("is only used with action: close") }
                rule.closureReason = reason
            }
        }
        if rule.publicText != nil, ![.startWork, .close].contains(rule.action) {
            throw actionValue.issue("public_text is only used with start_work and close")
        }
        return rule
    }

    private func action(_ value: ConfigValue) throws(AdapterFileIssue) -> InboundAction {
        let text = try value.text()
        guard let action = InboundAction(rawValue: text) else {
            throw value.issue("must be one of \(InboundAction.allCases.map(\.rawValue).joined(separator: ", ")), but was \"\(text)\"")
        }
        return action
    }
}
