import struct Foundation.Date
import ReportDomain

/// One report as the read model holds it: its documents and the columns access checks need.
///
/// For a merged duplicate, `publicStatus`, `publicLabel`, `open311Status` and the public
/// document's `status` are its main report's (rule 6); `status` is always its own.
public struct ProjectedReport: Sendable, Hashable {
    public var id: ReportID
    public var municipality: MunicipalityCode
    /// The report's own internal status.
    public var status: ReportStatus
    /// The public status shown: the main report's for a merged duplicate.
    public var publicStatus: PublicStatusKind
    public var publicLabel: String
    public var open311Status: Open311Status
    /// The party the report is with now.
    public var assignedParty: PartyID?
    /// Every party the report was ever forwarded to (rule 4: only they may see it).
    public var involvedParties: [PartyID]
    public var mainReportID: ReportID?
    /// The sha256 (hex) of the reporter's token: a reporter proves the report is theirs with it.
    public var reporterTokenHash: String?
    /// The stream version of the last event projected.
    public var version: Int64
    public var submittedAt: Date
    public var updatedAt: Date
    /// The internal view; `redacted()` it for a party without a processing agreement.
    public var document: ReportDocument
    /// The public view.
    public var publicDocument: PublicReportDocument

    /// Whether a party may see the report: only parties it was ever forwarded to (rule 4).
    public func isVisible(to party: PartyID) -> Bool {
        involvedParties.contains(party)
    }
}
