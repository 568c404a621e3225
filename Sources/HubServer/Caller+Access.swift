import HubConfig
import ReportDomain

/// The access rules (issue 3 §4, domain rule 4), in one place so every endpoint applies the same ones.
extension Caller {
    /// How much of a report a caller may see.
    public enum View: Sendable, Equatable {
        /// Everything, including the reporter's personal data.
        case `internal`
        /// Everything but the reporter's personal data: a party without a processing agreement.
        case internalRedacted
        /// The public view plus what was recorded about the reporter him- or herself (rule 8).
        case reporter
        /// The public view.
        case `public`
    }

    /// The view this caller gets of a report with these access-relevant facts; `nil` when the
    /// caller may not see it at all (answered as 404, so a party cannot probe for others' reports).
    public func view(
        of reportID: ReportID, municipality: MunicipalityCode, involvedParties: [PartyID], configuration: HubConfiguration
    ) -> View? {
        switch kind {
        case .reporter(let own):
            return own == reportID ? .reporter : publicView(municipality, configuration)
        case .key(role: .admin):
            return .internal
        case .key(role: .municipality):
            return covers(municipality) ? .internal : nil
        case .key(role: .party):
            guard let party, involvedParties.contains(party), covers(municipality) else { return nil }
            return configuration.party(party)?.processingAgreement == true ? .internal : .internalRedacted
        case .key(role: .public), .anonymous:
            return publicView(municipality, configuration)
        }
    }

    private func publicView(_ municipality: MunicipalityCode, _ configuration: HubConfiguration) -> View? {
        guard covers(municipality) else { return nil }
        let requiresKey = configuration.policy(for: municipality).publicStatus.requiresLogin
        return requiresKey && kind == .anonymous ? nil : .public
    }

    /// Whether the caller may submit a report for this municipality.
    public func maySubmit(to municipality: MunicipalityCode) -> Bool {
        switch kind {
        case .reporter: false
        case .key(role: .party): false
        default: covers(municipality)
        }
    }

    /// Whether the caller may read the events feed (it carries internal detail).
    public var mayReadEvents: Bool {
        switch kind {
        case .key(role: .admin), .key(role: .municipality), .key(role: .party): true
        default: false
        }
    }
}
