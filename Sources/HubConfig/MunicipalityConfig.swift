import ReportDomain

/// Everything configured for one municipality (rule 13).
public struct MunicipalityConfig: Sendable, Hashable {
    public var code: MunicipalityCode
    public var name: String
    /// Where people can ask about reports; shown in Open311 discovery.
    public var contact: String?
    public var categories: [CategoryConfig]
    /// The decisions the domain needs: public status, service levels, notifications, survey.
    public var policy: MunicipalityPolicy

    public init(code: MunicipalityCode, name: String, contact: String? = nil, categories: [CategoryConfig], policy: MunicipalityPolicy) {
        self.code = code
        self.name = name
        self.contact = contact
        self.categories = categories
        self.policy = policy
    }

    /// The category with this code, if the municipality has it.
    public func category(_ code: CategoryCode) -> CategoryConfig? {
        categories.first { $0.code == code }
    }
}
