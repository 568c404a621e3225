import Foundation

/// A validated `POST /requests` form: a new service request as a client sent it.
///
/// Validation is about the wire only: whether the service code exists, the attributes fit its
/// definition and the `api_key` is valid (403) is for the caller to check.
public struct Open311RequestSubmission: Sendable, Hashable {
    /// The client's `api_key`, unchecked.
    public var apiKey: String?
    /// The jurisdiction (municipality) asked for, when the endpoint serves several.
    public var jurisdictionID: String?
    /// The service (category) of the request.
    public var serviceCode: String
    /// The position, when `lat` and `long` were sent.
    public var coordinate: Open311Coordinate?
    /// The address as typed, most specific part first.
    public var addressString: String?
    /// The jurisdiction's address id.
    public var addressID: String?
    /// Answers to the service's attributes: code to values (several for a multi-value list).
    public var attributes: [String: [String]]
    /// The reporter's e-mail address.
    public var email: String?
    /// The reporting device's id.
    public var deviceID: String?
    /// The reporter's account id at the client.
    public var accountID: String?
    /// The reporter's given name.
    public var firstName: String?
    /// The reporter's family name.
    public var lastName: String?
    /// The reporter's phone number.
    public var phone: String?
    /// The description, at most 4,000 characters, line breaks kept.
    public var description: String?
    /// Media such as photos; several when the client sends `media_url` more than once.
    public var mediaURLs: [URL]

    public init(
        apiKey: String? = nil,
        jurisdictionID: String? = nil,
        serviceCode: String,
        coordinate: Open311Coordinate? = nil,
        addressString: String? = nil,
        addressID: String? = nil,
        attributes: [String: [String]] = [:],
        email: String? = nil,
        deviceID: String? = nil,
        accountID: String? = nil,
        firstName: String? = nil,
        lastName: String? = nil,
        phone: String? = nil,
        description: String? = nil,
        mediaURLs: [URL] = []
    ) {
        self.apiKey = apiKey
        self.jurisdictionID = jurisdictionID
        self.serviceCode = serviceCode
        self.coordinate = coordinate
        self.addressString = addressString
        self.addressID = addressID
        self.attributes = attributes
        self.email = email
        self.deviceID = deviceID
        self.accountID = accountID
        self.firstName = firstName
        self.lastName = lastName
        self.phone = phone
        self.description = description
        self.mediaURLs = mediaURLs
    }

    /// The first media URL, for consumers that keep one.
    public var mediaURL: URL? { mediaURLs.first }

    /// Reads and checks the form: `service_code` required; a location required (`lat` and
    /// `long` together and in WGS84 range, or `address_string`, or `address_id`); `description` at
    /// most 4,000 characters; `email` of e-mail shape; `media_url` absolute http(s); attributes well formed.
    /// Every problem found is one error of the thrown `Open311Errors`.
    public static func parse(_ form: Open311Form) throws(Open311Errors) -> Open311RequestSubmission {
        var reader = Open311FieldReader(form)
        let apiKey = reader.text("api_key")
        let jurisdictionID = reader.text("jurisdiction_id")
        let serviceCode = reader.text("service_code", required: true)
        let (coordinate, coordinateSent) = reader.coordinate()
        let addressString = reader.text("address_string", maxLength: 1000)
        let addressID = reader.text("address_id")
        if !coordinateSent, addressString == nil, addressID == nil,
           !reader.errors.contains(where: { $0.field == "address_string" || $0.field == "address_id" }) {
            reader.fail(.badRequest("A location is required: send lat and long, or address_string, or address_id.", field: "location"))
        }
        let email = reader.email("email")
        let deviceID = reader.text("device_id")
        let accountID = reader.text("account_id")
        let firstName = reader.text("first_name")
        let lastName = reader.text("last_name")
        let phone = reader.text("phone")
        let description = reader.freeText("description")
        let mediaURLs = reader.mediaURLs("media_url")
        var attributes: [String: [String]] = [:]
        do {
            attributes = try form.attributes()
        } catch {
            for problem in error.errors { reader.fail(problem) }
        }
        try reader.finish()
        guard let serviceCode else { throw Open311Errors(.badRequest("service_code is required.", field: "service_code")) }
        return Open311RequestSubmission(
            apiKey: apiKey,
            jurisdictionID: jurisdictionID,
            serviceCode: serviceCode,
            coordinate: coordinate,
            addressString: addressString,
            addressID: addressID,
            attributes: attributes,
            email: email,
            deviceID: deviceID,
            accountID: accountID,
            firstName: firstName,
            lastName: lastName,
            phone: phone,
            description: description,
            mediaURLs: mediaURLs
        )
    }
}
