/// How urgent a report is, by rule or by label (rule 9); a policy may give each its own handling time.
public enum Urgency: String, Hashable, Sendable, Codable, CaseIterable {
    /// The usual case.
    case normal
    /// Needs attention sooner than usual.
    case high
    /// A danger to people or property: a hole in a cycle path, a fallen tree.
    case urgent
}
