/// Everything a municipality configures that the domain's decisions depend on (rule 13).
public struct MunicipalityPolicy: Hashable, Sendable {
    /// The municipality the policy belongs to.
    public var municipality: MunicipalityCode
    /// How status is shown to the public and the reporter.
    public var publicStatus: PublicStatusPolicy
    /// The handling times promised.
    public var serviceLevels: ServiceLevelPolicy
    /// The municipality's master switch for notifying reporters (rule 5).
    public var notificationsEnabled: Bool
    /// Whether the final message carries the satisfaction survey (rule 14).
    public var satisfactionSurveyEnabled: Bool

    /// A policy; by default public status, notifications on, no survey and no promised times.
    public init(
        municipality: MunicipalityCode,
        publicStatus: PublicStatusPolicy = PublicStatusPolicy(),
        serviceLevels: ServiceLevelPolicy = ServiceLevelPolicy(),
        notificationsEnabled: Bool = true,
        satisfactionSurveyEnabled: Bool = false
    ) {
        self.municipality = municipality
        self.publicStatus = publicStatus
        self.serviceLevels = serviceLevels
        self.notificationsEnabled = notificationsEnabled
        self.satisfactionSurveyEnabled = satisfactionSurveyEnabled
    }
}
