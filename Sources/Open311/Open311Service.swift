/// One service (request type, "categorie") of `GET /services`, listed as `services/service`.
public struct Open311Service: Open311ListItem, Hashable {
    public static var open311ListName: String { "services" }
    public static var open311ItemName: String { "service" }

    /// The service's code, used as `service_code` when posting.
    public var serviceCode: String
    /// Its name for people.
    public var serviceName: String
    /// A short description; an empty element when there is none.
    public var description: String?
    /// Whether the service has attributes (`GET /services/{code}` then describes them).
    public var metadata: Bool
    /// How a new request is answered.
    public var type: Open311ServiceType
    /// Tags and synonyms, written as one comma-separated list (`lorem, ipsum`).
    public var keywords: [String]
    /// The group it is shown under, e.g. "Afval"; an empty element when there is none.
    public var group: String?

    public init(
        serviceCode: String,
        serviceName: String,
        description: String? = nil,
        metadata: Bool,
        type: Open311ServiceType = .realtime,
        keywords: [String] = [],
        group: String? = nil
    ) {
        self.serviceCode = serviceCode
        self.serviceName = serviceName
        self.description = description
        self.metadata = metadata
        self.type = type
        self.keywords = keywords
        self.group = group
    }

    public var open311Value: Open311Value {
        .record([
            Open311Field("service_code", .text(serviceCode)),
            Open311Field("service_name", .text(serviceName)),
            Open311Field("description", .text(orEmpty: description)),
            Open311Field("metadata", .boolean(metadata)),
            Open311Field("type", .text(type.rawValue)),
            Open311Field("keywords", keywords.isEmpty ? .empty : .text(keywords.joined(separator: ", "))),
            Open311Field("group", .text(orEmpty: group)),
        ])
    }
}
