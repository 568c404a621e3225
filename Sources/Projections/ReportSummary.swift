import struct Foundation.Date
import ReportDomain

/// A search match: the report's searchable columns, how well it matched, and the documents the
/// search asked for. Public status fields are as shown (a merged duplicate's main report's).
public struct ReportSummary: Sendable, Hashable {
    public var id: ReportID
    public var municipality: MunicipalityCode
    public var category: CategoryCode
    public var channel: Channel
    public var status: ReportStatus
    public var publicStatus: PublicStatusKind
    public var publicLabel: String
    public var open311Status: Open311Status
    public var urgency: Urgency
    public var description: String
    public var latitude: Double
    public var longitude: Double
    public var address: String?
    public var postcode: String?
    public var assignedParty: PartyID?
    public var assignedPartyName: String?
    /// The code of the department handling it.
    public var assignedDepartment: String?
    public var involvedParties: [PartyID]
    public var mainReportID: ReportID?
    public var submittedAt: Date
    public var updatedAt: Date
    /// When the municipality expects to have handled it.
    public var resolveBy: Date?
    public var completionPhotoURL: String?
    public var version: Int64
    /// Metres from the searched position (searches with `near`).
    public var distanceMetres: Double?
    /// 0…1, how well the address matched (searches with `address`).
    public var addressSimilarity: Double?
    public var document: ReportDocument?
    public var publicDocument: PublicReportDocument?
}
