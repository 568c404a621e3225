/// The way a report reached the municipality.
///
/// An open set: a new channel (a new app, a chat bot) must not need a new release of the domain,
/// so unknown values survive decoding unchanged.
public struct Channel: DomainCode {
    /// The channel's stable name in `snake_case`.
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// A third-party or municipal app (Verbeterdebuurt, Fixi, BuitenBeter, Burgerconnect…).
    public static let app: Channel = "app"
    /// The municipality's own web form.
    public static let webForm: Channel = "web_form"
    /// A call to the contact centre (14 0xx).
    public static let phone: Channel = "phone"
    /// An e-mail to the municipality.
    public static let email: Channel = "email"
    /// A visit to the counter at the town hall.
    public static let counter: Channel = "counter"
    /// Social media messages taken over by the contact centre.
    public static let socialMedia: Channel = "social_media"
    /// A municipal field worker who saw the problem.
    public static let fieldWorker: Channel = "field_worker"

    /// A channel name of 1–50 lower-case letters, digits or underscores.
    public static func validated(_ text: String) throws(ReportError) -> Channel {
        let allowed = text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
        guard !text.isEmpty, text.count <= 50, allowed else {
            throw .invalidField(field: "channel", reason: "must be 1 to 50 lower-case letters, digits or underscores, such as web_form, but was \"\(text)\"")
        }
        return Channel(text)
    }
}
