/// Who may read a comment.
public enum CommentVisibility: String, Hashable, Sendable, Codable, CaseIterable {
    /// The reporter and the public view may show it (when written by the municipality or a party).
    case `public`
    /// Only the municipality and the parties working on the report.
    case `internal`
}
