/// The kinds of status the public and the reporter may see, each with a label per municipality.
public enum PublicStatusKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// The municipality has the report.
    case received
    /// Someone is working on it.
    case inProgress = "in_progress"
    /// The work is planned for a date.
    case scheduled
    /// An external party has it; not the same as handled (rule 1).
    case forwarded
    /// Fixed on the street.
    case resolved
    /// Closed without (known) fix: administrative, duplicate, not the municipality's responsibility…
    case closed
}
