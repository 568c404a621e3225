/// One problem in an adapter file, with where it is: `adapters/lichtpunt.yaml:14: outbound.url: …`.
public struct AdapterFileIssue: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        /// The file cannot be used; the hub does not start with it.
        case error
        /// The file works but something in it is unwise (a secret written in the file, plain http).
        case warning
    }

    public var severity: Severity
    /// The file the problem is in.
    public var file: String
    /// The line (from 1), when the problem is at a value.
    public var line: Int?
    /// Where in the document: a dotted path such as `statuses.inbound.GEREED`; empty for the whole file.
    public var path: String
    /// What is wrong, in words an operator understands.
    public var message: String

    public init(severity: Severity = .error, file: String, line: Int?, path: String, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.path = path
        self.message = message
    }

    /// `file:line: path: message`, with `warning: ` before the message of a warning.
    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        let text = severity == .warning ? "warning: \(message)" : message
        return path.isEmpty ? "\(place): \(text)" : "\(place): \(path): \(text)"
    }
}
