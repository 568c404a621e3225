import ReportDomain

/// What access to a report depends on: its municipality and every party it was forwarded to.
public struct ReportAccess: Sendable, Hashable {
    public var municipality: MunicipalityCode
    public var involvedParties: [PartyID]
}
