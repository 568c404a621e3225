import struct Foundation.Date
import ReportDomain

/// What to look for among the projected reports. Every filter that is set must hold.
///
/// The order follows the strongest key given: distance for `near`, similarity for `address`,
/// relevance for `text`, and otherwise newest first.
public struct ReportSearch: Sendable, Hashable {
    /// A report number: a whole UUID, or its first 8 or more hexadecimal digits (dashes ignored).
    public var reportNumber: String?
    /// An id the report has in another system (the card index), in any system or in `externalSystem`.
    public var externalID: String?
    public var externalSystem: String?
    /// Part of an address or postcode; typing errors are forgiven (trigram word similarity).
    public var address: String?
    /// Reports within a radius of a position.
    public var near: Near?
    /// Words in the description (web-search syntax: `"exact phrase"`, `-not`, `or`), Dutch stemming.
    public var text: String?
    /// Internal statuses; empty means any.
    public var statuses: [ReportStatus]
    /// Public statuses as shown (a merged duplicate counts with its main report's); empty means any.
    public var publicStatuses: [PublicStatusKind]
    /// Categories; empty means any.
    public var categories: [CategoryCode]
    /// Reports assigned to, or ever forwarded to, this party.
    public var party: PartyID?
    /// The caller's scope: only these municipalities (an empty list finds nothing); nil means all.
    public var municipalities: [MunicipalityCode]?
    /// Submitted at or after this moment.
    public var submittedFrom: Date?
    /// Submitted before this moment.
    public var submittedBefore: Date?
    /// Access rule 4: only reports this party was ever forwarded to.
    public var visibleToParty: PartyID?
    /// Results per page, 1…200.
    public var limit: Int
    /// Results to skip; ignored when `cursor` is given.
    public var offset: Int
    /// A page's `nextCursor`, to read the next page.
    public var cursor: String?
    /// Whether to count every match (costs a pass over all of them).
    public var includeTotal: Bool
    /// Which documents to return with each match.
    public var documents: Documents

    /// A circle on the map.
    public struct Near: Sendable, Hashable {
        /// WGS84 degrees.
        public var latitude: Double
        public var longitude: Double
        /// Metres, more than 0 and at most 100 km.
        public var radiusMetres: Double

        public init(latitude: Double, longitude: Double, radiusMetres: Double) {
            self.latitude = latitude
            self.longitude = longitude
            self.radiusMetres = radiusMetres
        }
    }

    /// Which documents a search returns with its matches.
    public enum Documents: Sendable, Hashable {
        case none
        case publicOnly
        case all
    }

    public init(
        reportNumber: String? = nil, externalID: String? = nil, externalSystem: String? = nil, address: String? = nil,
        near: Near? = nil, text: String? = nil, statuses: [ReportStatus] = [], publicStatuses: [PublicStatusKind] = [],
        categories: [CategoryCode] = [], party: PartyID? = nil, municipalities: [MunicipalityCode]? = nil,
        submittedFrom: Date? = nil, submittedBefore: Date? = nil, visibleToParty: PartyID? = nil, limit: Int = 50,
        offset: Int = 0, cursor: String? = nil, includeTotal: Bool = false, documents: Documents = .none
    ) {
        self.reportNumber = reportNumber
        self.externalID = externalID
        self.externalSystem = externalSystem
        self.address = address
        self.near = near
        self.text = text
        self.statuses = statuses
        self.publicStatuses = publicStatuses
        self.categories = categories
        self.party = party
        self.municipalities = municipalities
        self.submittedFrom = submittedFrom
        self.submittedBefore = submittedBefore
        self.visibleToParty = visibleToParty
        self.limit = limit
        self.offset = offset
        self.cursor = cursor
        self.includeTotal = includeTotal
        self.documents = documents
    }
}
