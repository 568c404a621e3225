/// Why an update from a system cannot be used, said so that the system's developers can fix
/// their side without asking: which field, what was sent, what was expected.
public struct InboundRejection: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable codes (the HTTP layer answers 400 for the message's problems, 409/422 for the report's).
    public enum Code: String, Sendable, Hashable {
        /// The body is not JSON.
        case notJSON = "inbound.not_json"
        /// A field the adapter file points at is not in the message.
        case missingField = "inbound.missing_field"
        /// A field is there but not usable (not a date, not a report id, not a web address).
        case invalidField = "inbound.invalid_field"
        /// The status code is not in the adapter file's `statuses.inbound`.
        case unknownStatus = "inbound.unknown_status"
        /// The adapter has no inbound side (or no polling side, for a page).
        case notConfigured = "inbound.not_configured"
        /// The report is outside what the system may touch: another municipality, another party's report.
        case outOfScope = "inbound.out_of_scope"
        /// This kind of system may not do this to a report.
        case notAllowed = "inbound.not_allowed"
    }

    public let code: Code
    public let message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String {
        "\(code.rawValue): \(message)"
    }
}
