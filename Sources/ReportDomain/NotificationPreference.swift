/// The reporter's choice of notifications (rule 5): how much, and through which channel.
public struct NotificationPreference: Hashable, Sendable, Codable {
    /// How much the reporter wants to hear.
    public let level: NotificationLevel
    /// Where notifications go; `nil` exactly when the level is `.none`.
    public let channel: NotificationChannel?

    /// No notifications at all: what an anonymous report gets.
    public static let none = NotificationPreference(uncheckedLevel: .none, channel: nil)

    /// A preference whose channel matches its level.
    public init(level: NotificationLevel, channel: NotificationChannel?) throws(ReportError) {
        switch (level, channel) {
        case (.none, _):
            self.init(uncheckedLevel: .none, channel: nil)
        case (_, nil):
            throw .invalidField(field: "notification_preference.channel", reason: "is missing; say how the reporter wants to be informed, or choose the level none")
        case (_, let channel?):
            self.init(uncheckedLevel: level, channel: channel)
        }
    }

    private init(uncheckedLevel level: NotificationLevel, channel: NotificationChannel?) {
        self.level = level
        self.channel = channel
    }

    /// Refuses a preference that cannot be honoured with the contact data given, so the reporter
    /// is told at once rather than waiting for messages that never come.
    func check(against contact: ReporterContact?) throws(ReportError) {
        guard level != .none, let channel else { return }
        switch channel {
        case .email where contact?.email == nil:
            throw .invalidField(field: "contact.email", reason: "is missing, but the reporter asked to be informed by e-mail")
        case .sms where contact?.phone == nil:
            throw .invalidField(field: "contact.phone", reason: "is missing, but the reporter asked to be informed by text message")
        default:
            return
        }
    }

    enum CodingKeys: String, CodingKey {
        case level, channel
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let level = try container.decode(NotificationLevel.self, forKey: .level)
        let channel = try container.decodeIfPresent(NotificationChannel.self, forKey: .channel)
        do {
            try self.init(level: level, channel: channel)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(level, forKey: .level)
        try container.encode(channel, forKey: .channel)
    }
}
