import struct Foundation.Date
import ReportDomain

extension ReportDocument {
    /// The handling times promised at submission.
    public struct ServiceLevel: Codable, Hashable, Sendable {
        @OptionalTimestamp public var acknowledgeBy: Date?
        @OptionalTimestamp public var resolveBy: Date?

        public init(acknowledgeBy: Date?, resolveBy: Date?) {
            self.acknowledgeBy = acknowledgeBy
            self.resolveBy = resolveBy
        }

        enum CodingKeys: String, CodingKey {
            case acknowledgeBy = "acknowledge_by"
            case resolveBy = "resolve_by"
        }
    }

    /// Who handles the report: `kind` says which of `department` and `party` is set.
    public struct Assignee: Codable, Hashable, Sendable {
        public enum Kind: String, Codable, Hashable, Sendable {
            case department, party
        }

        public var kind: Kind
        public var department: Department?
        public var party: Party?

        public init(_ assignee: ReportDomain.Assignee) {
            switch assignee {
            case .department(let department):
                kind = .department
                self.department = department
                party = nil
            case .party(let party):
                kind = .party
                department = nil
                self.party = party
            }
        }

        /// Writes every field, absent ones as `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind.rawValue, forKey: .kind)
            try container.encode(part: department, forKey: .department)
            try container.encode(party: party, forKey: .party)
        }
    }

    /// A party's report that the work is done, with its photo of the fix (rule 11).
    public struct Completion: Codable, Hashable, Sendable {
        public var party: Party
        public var photoURL: String?
        public var note: String?
        @Timestamp public var at: Date

        public init(party: Party, photoURL: String?, note: String?, at: Date) {
            self.party = party
            self.photoURL = photoURL
            self.note = note
            self.at = at
        }

        enum CodingKeys: String, CodingKey {
            case party
            case photoURL = "photo_url"
            case note, at
        }

        /// Writes every field, absent ones as `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(party: party, forKey: .party)
            try container.encode(text: photoURL, forKey: .photoURL)
            try container.encode(text: note, forKey: .note)
            try container.encode(moment: at, forKey: .at)
        }
    }

    /// The municipality's closing.
    public struct Closure: Codable, Hashable, Sendable {
        public var reason: ClosureReason
        public var publicNote: String?
        @Timestamp public var at: Date

        public init(reason: ClosureReason, publicNote: String?, at: Date) {
            self.reason = reason
            self.publicNote = publicNote
            self.at = at
        }

        enum CodingKeys: String, CodingKey {
            case reason
            case publicNote = "public_note"
            case at
        }

        /// Writes every field, absent ones as `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(reason.rawValue, forKey: .reason)
            try container.encode(text: publicNote, forKey: .publicNote)
            try container.encode(moment: at, forKey: .at)
        }
    }

    /// A note written at a moment.
    public struct Note: Codable, Hashable, Sendable {
        @Timestamp public var at: Date
        public var text: String

        public init(at: Date, text: String) {
            self.at = at
            self.text = text
        }
    }

    /// A comment; `text` is `nil` when it was the reporter's and was erased or redacted.
    public struct Comment: Codable, Hashable, Sendable {
        public var author: Actor
        public var text: String?
        public var visibility: CommentVisibility
        @Timestamp public var at: Date

        public init(author: Actor, text: String?, visibility: CommentVisibility, at: Date) {
            self.author = author
            self.text = text
            self.visibility = visibility
            self.at = at
        }

        /// Writes every field, absent ones as `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(author, forKey: .author)
            try container.encode(text: text, forKey: .text)
            try container.encode(visibility.rawValue, forKey: .visibility)
            try container.encode(moment: at, forKey: .at)
        }
    }

    /// The satisfaction survey's answer; `text` is the reporter's own words.
    public struct Feedback: Codable, Hashable, Sendable {
        public var score: Int
        public var text: String?
        @Timestamp public var at: Date

        public init(score: Int, text: String?, at: Date) {
            self.score = score
            self.text = text
            self.at = at
        }

        /// Writes every field, absent ones as `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(score, forKey: .score)
            try container.encode(text: text, forKey: .text)
            try container.encode(moment: at, forKey: .at)
        }
    }

    /// The reporter's personal data: how to reach them and how they want to be kept informed.
    public struct Reporter: Codable, Hashable, Sendable {
        /// `nil` for anonymous reports and after erasure.
        public var contact: ReporterContact?
        public var notificationPreference: NotificationPreference

        public init(contact: ReporterContact?, notificationPreference: NotificationPreference) {
            self.contact = contact
            self.notificationPreference = notificationPreference
        }

        enum CodingKeys: String, CodingKey {
            case contact
            case notificationPreference = "notification_preference"
        }

        /// Writes every field, absent ones as `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            if let contact {
                var fields = container.nestedContainer(keyedBy: DocumentKey.self, forKey: .contact)
                try fields.encode(text: contact.name, forKey: "name")
                try fields.encode(text: contact.email, forKey: "email")
                try fields.encode(text: contact.phone, forKey: "phone")
            } else {
                try container.encodeNil(forKey: .contact)
            }
            var preference = container.nestedContainer(keyedBy: DocumentKey.self, forKey: .notificationPreference)
            try preference.encode(notificationPreference.level.rawValue, forKey: "level")
            try preference.encode(text: notificationPreference.channel?.rawValue, forKey: "channel")
        }
    }
}
