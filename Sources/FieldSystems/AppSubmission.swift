/// What a user of the reporting app fills in.
public struct AppSubmission: Sendable {
    public var category: String
    public var description: String
    public var latitude: Double
    public var longitude: Double
    public var address: String?
    public var postcode: String?
    public var photoURLs: [String]
    public var reporterName: String?
    public var reporterEmail: String?
    /// `none`, `only_resolution` or `every_step` (the hub's words); the app notifies through itself.
    public var notify: String
    /// The municipality's code, e.g. "GM0153".
    public var municipality: String

    public init(
        category: String, description: String, latitude: Double, longitude: Double, address: String? = nil, postcode: String? = nil,
        photoURLs: [String] = [], reporterName: String? = nil, reporterEmail: String? = nil, notify: String = "every_step",
        municipality: String = "GM0153"
    ) {
        self.category = category
        self.description = description
        self.latitude = latitude
        self.longitude = longitude
        self.address = address
        self.postcode = postcode
        self.photoURLs = photoURLs
        self.reporterName = reporterName
        self.reporterEmail = reporterEmail
        self.notify = notify
        self.municipality = municipality
    }
}
