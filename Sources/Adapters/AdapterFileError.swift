/// Why the adapter files cannot be used, or why an adapter's template could not render: every
/// problem found, each with its file, line and path.
public struct AdapterFileError: Error, Sendable, CustomStringConvertible {
    /// Stable codes for scripts and tests.
    public enum Code: String, Sendable {
        /// A file or the folder could not be read.
        case unreadable = "adapters.unreadable"
        /// A file is not valid YAML.
        case syntax = "adapters.syntax"
        /// A file breaks a rule of the format or does not fit the hub configuration.
        case invalid = "adapters.invalid"
        /// A template rendered a body that is not what its content type promises.
        case rendering = "adapters.rendering"
    }

    public let code: Code
    /// The errors (never warnings), in file order.
    public let issues: [AdapterFileIssue]

    public init(code: Code, issues: [AdapterFileIssue]) {
        self.code = code
        self.issues = issues
    }

    /// One line per problem.
    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}
