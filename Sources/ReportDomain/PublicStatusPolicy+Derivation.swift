extension PublicStatusPolicy {
    /// The public status of a report.
    ///
    /// A merged report follows its main report (rule 6): pass the main report's state as `main`.
    /// Without it, a merged report shows as closed as a duplicate.
    public func status(of report: Report, main: Report? = nil) -> PublicStatus {
        if report.status == .merged {
            let followed = report.followed(main: main)
            return followed.status == .merged ? .closed(.duplicate) : status(of: followed)
        }
        switch report.status {
        case .submitted, .acknowledged:
            return .received
        case .assigned, .inProgress, .returnedToMunicipality:
            return .inProgress
        case .forwarded:
            return report.currentParty.map { .forwarded(to: $0.displayName) } ?? .inProgress
        case .scheduled:
            guard let date = report.scheduledFor else { return .inProgress }
            return .scheduled(on: date, partyName: report.currentParty?.displayName)
        case .completedByParty:
            return completedByPartyCountsAsResolved ? .resolved : .inProgress
        case .confirmed:
            return .resolved
        case .closed:
            return closedStatus(of: report)
        case .merged:
            return .closed(.duplicate)
        }
    }

    /// Closed is resolved only when something says it was fixed: the municipality's own word
    /// `resolved` (which `decide` refuses while a party still has the work), a party's reported fix,
    /// or the reporter's confirmation; otherwise it stays "closed" with its reason (rule 1).
    private func closedStatus(of report: Report) -> PublicStatus {
        guard let closure = report.closure else { return .closed(.administrative) }
        if report.confirmedAt != nil || closure.reason == .resolved {
            return .resolved
        }
        if closure.reason == .administrative, report.completion != nil || administrativeClosureCountsAsResolved {
            return .resolved
        }
        return .closed(closure.reason)
    }

    /// Whether the reporter has been told the report is resolved.
    public func isResolved(_ report: Report, main: Report? = nil) -> Bool {
        status(of: report, main: main) == .resolved
    }

    /// The Open311 GeoReport v2 status: closed once resolved or closed, open before — except that a
    /// party's "done" stays open unless the policy says it closes (rule 1).
    public func open311Status(of report: Report, main: Report? = nil) -> Open311Status {
        let effective = report.followed(main: main)
        if effective.status == .completedByParty && !completedByPartyClosesOpen311 {
            return .open
        }
        return switch status(of: report, main: main) {
        case .resolved, .closed: .closed
        case .received, .inProgress, .scheduled, .forwarded: .open
        }
    }

    /// The municipality's label for a public status, with the party's name filled in.
    public func label(for status: PublicStatus) -> String {
        let template = labels[status.kind] ?? Self.dutchLabels[status.kind] ?? status.kind.rawValue
        let partyName: String? = switch status {
        case .forwarded(let name): name
        case .scheduled(_, let name): name
        default: nil
        }
        return template.replacingPlaceholder("{party}", with: partyName ?? "")
    }
}

extension String {
    /// Replaces every occurrence of a placeholder without Foundation's string methods.
    fileprivate func replacingPlaceholder(_ placeholder: String, with value: String) -> String {
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: placeholder) {
            result += rest[..<range.lowerBound]
            result += value
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
