/// How a notification reaches the reporter. An open set, like `Channel`.
public struct NotificationChannel: DomainCode {
    /// The channel's stable name in `snake_case`.
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
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
}
