/// How to reach the reporter. Every field is optional, because anonymous reports exist.
///
/// This is personal data: it is redacted for parties without a processing agreement and removed
/// by `PersonalDataErased`.
public struct ReporterContact: Hashable, Sendable, Codable {
    /// The reporter's name as given.
    public let name: String?
    /// An e-mail address.
    public let email: String?
    /// A phone number.
    public let phone: String?

    /// Checks the fields lightly: enough to catch typing errors, not to reject real addresses.
    public init(name: String? = nil, email: String? = nil, phone: String? = nil) throws(ReportError) {
        let name = name.flatMap { $0.isBlank ? nil : $0 }
        let email = email.flatMap { $0.isBlank ? nil : $0 }
        let phone = phone.flatMap { $0.isBlank ? nil : $0 }
        try String.checkLength(name, field: "contact.name", max: 200)
        if let email {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !email.contains(where: \.isWhitespace), email.count <= 254 else {
                throw .invalidField(field: "contact.email", reason: "is not an e-mail address such as name@example.nl: \"\(email)\"")
            }
        }
        if let phone {
            let digits = phone.filter { $0.isASCII && $0.isNumber }.count
            let allowed = phone.allSatisfy { ($0.isASCII && $0.isNumber) || " +-()".contains($0) }
            guard allowed, (6...15).contains(digits) else {
                throw .invalidField(field: "contact.phone", reason: "must be 6 to 15 digits, optionally with spaces, +, - or parentheses, but was \"\(phone)\"")
            }
        }
        self.name = name
        self.email = email
        self.phone = phone
    }

    /// Whether there is no way at all to reach the reporter.
    public var isEmpty: Bool {
        name == nil && email == nil && phone == nil
    }

    enum CodingKeys: String, CodingKey {
        case name, email, phone
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                name: container.decodeIfPresent(String.self, forKey: .name),
                email: container.decodeIfPresent(String.self, forKey: .email),
                phone: container.decodeIfPresent(String.self, forKey: .phone)
            )
        } catch let error as ReportError {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(email, forKey: .email)
        try container.encode(phone, forKey: .phone)
    }
}
