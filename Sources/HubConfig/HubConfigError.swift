/// Why the configuration cannot be used, with where in the file the problem is.
public struct HubConfigError: Error, Sendable, CustomStringConvertible {
    /// Stable codes for scripts and tests.
    public enum Code: String, Sendable {
        case unreadable = "config.unreadable"
        case syntax = "config.syntax"
        case invalid = "config.invalid"
    }

    public let code: Code
    /// The file the problem is in (or `<string>`).
    public let source: String
    /// Where in the document: a dotted path such as `municipalities[0].categories[2].code`.
    public let path: String
    /// What is wrong, in words an operator understands.
    public let message: String

    public init(code: Code, source: String, path: String, message: String) {
        self.code = code
        self.source = source
        self.path = path
        self.message = message
    }

    public var description: String {
        path.isEmpty ? "\(source): \(message)" : "\(source): \(path): \(message)"
    }
}
