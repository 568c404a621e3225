import struct Foundation.Date

/// A comment on a report by anyone involved.
public struct ReportComment: Hashable, Sendable {
    /// Who wrote it.
    public let author: Actor
    /// The comment; `nil` once erased because the reporter wrote it and asked to be forgotten.
    public let text: String?
    /// Who may read it.
    public let visibility: CommentVisibility
    /// When it was written.
    public let at: Date
}
