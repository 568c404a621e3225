/// Why a webhook could not be signed or was not accepted, in words for the sender's developer.
public struct WebhookError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable codes for answers and tests.
    public enum Code: String, Sendable, Hashable {
        case invalidSecret = "webhook.invalid_secret"
        case missingHeader = "webhook.missing_header"
        case invalidTimestamp = "webhook.invalid_timestamp"
        case timestampOutOfTolerance = "webhook.timestamp_out_of_tolerance"
        case invalidSignature = "webhook.invalid_signature"
    }

    public let code: Code
    public let message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
