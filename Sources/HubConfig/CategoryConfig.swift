import ReportDomain

/// A category of report a municipality accepts: an Open311 service.
public struct CategoryConfig: Sendable, Hashable {
    public var code: CategoryCode
    public var name: String
    public var description: String
    /// The group Open311 clients show it under (e.g. "Afval").
    public var group: String?
    public var keywords: [String]
    /// The party reports of this category are forwarded to automatically (rule 4), if any.
    public var routeTo: PartyID?
    /// The category's own service level, overriding the municipality's standard one.
    public var serviceLevel: ServiceLevel?
    /// Extra questions at submission.
    public var attributes: [ServiceAttributeConfig]

    public init(
        code: CategoryCode, name: String, description: String = "", group: String? = nil, keywords: [String] = [],
        routeTo: PartyID? = nil, serviceLevel: ServiceLevel? = nil, attributes: [ServiceAttributeConfig] = []
    ) {
        self.code = code
        self.name = name
        self.description = description
        self.group = group
        self.keywords = keywords
        self.routeTo = routeTo
        self.serviceLevel = serviceLevel
        self.attributes = attributes
    }
}
