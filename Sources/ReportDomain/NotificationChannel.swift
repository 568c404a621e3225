/// How a notification reaches the reporter. An open set, like `Channel`.
public struct NotificationChannel: Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The channel's stable name in `snake_case`.
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// An e-mail to the reporter's address.
    public static let email: NotificationChannel = "email"
    /// A text message to the reporter's phone.
    public static let sms: NotificationChannel = "sms"
    /// Through the app the report came from; the app knows its user, so no contact data is needed.
    public static let app: NotificationChannel = "app"

    /// Whether the channel needs contact data the reporter gave, and which.
    var requiredContactField: String? {
        switch self {
        case .email: "contact.email"
        case .sms: "contact.phone"
        default: nil
        }
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
