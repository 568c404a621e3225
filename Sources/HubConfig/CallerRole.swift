/// What an API key lets its holder do (issue: access). A reporter's token is not a role in the
/// file: it is handed out per report at submission.
public enum CallerRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// An app or website that submits reports and reads public status (Open311 clients).
    case `public`
    /// A municipality's contact centre or back office, or its case system: everything within its municipality.
    case municipality
    /// An external party's system or team: only the reports forwarded to it.
    case party
    /// The hub's operators: everything.
    case admin
}
