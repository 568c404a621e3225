/// Why the municipality closed a report. A closed set, because public status depends on it.
public enum ClosureReason: String, Hashable, Sendable, Codable, CaseIterable {
    /// The problem is fixed on the street.
    case resolved
    /// Closed for administrative reasons (the case is finished in the books, not necessarily fixed).
    case administrative
    /// The same problem is reported elsewhere.
    case duplicate
    /// Not the municipality's responsibility (private ground, a utility company, Rijkswaterstaat).
    case notMunicipalResponsibility = "not_municipal_responsibility"
    /// The municipality decided to do nothing about it.
    case noFurtherAction = "no_further_action"
}
