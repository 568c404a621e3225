/// How much the reporter wants to hear about the report (rule 5).
public enum NotificationLevel: String, Hashable, Sendable, Codable, CaseIterable {
    /// Nothing at all.
    case none
    /// Only the outcome: resolved or closed.
    case onlyResolution = "only_resolution"
    /// Every step the reporter may see: received, forwarded, scheduled, public notes, outcome.
    case everyStep = "every_step"
}
