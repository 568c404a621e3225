import Foundation

/// A validated `POST /servicerequestupdates` form (mySociety's extension): an update a client
/// sends about an existing request.
///
/// The caller checks the `api_key` (403) and that the request exists (404), and must store an
/// `update_id` once: a re-post answers with the stored update rather than applying it again.
public struct Open311UpdateSubmission: Sendable, Hashable {
    /// The client's `api_key`, unchecked.
    public var apiKey: String?
    /// The jurisdiction asked for, when the endpoint serves several.
    public var jurisdictionID: String?
    /// The request the update is about.
    public var serviceRequestID: String
    /// The client's id for the update; the key to deduplicate on.
    public var updateID: String
    /// The status the request has after the update.
    public var status: Open311ExtendedStatus
    /// When the update happened at the client; an update older than the last one applied must not overwrite it.
    public var updatedDatetime: Date
    /// The update's text.
    public var description: String?
    /// Media such as a photo of the repair.
    public var mediaURLs: [URL]
    /// The poster's e-mail address.
    public var email: String?
    /// The poster's phone number.
    public var phone: String?
    /// The poster's given name.
    public var firstName: String?
    /// The poster's family name.
    public var lastName: String?
    /// The poster's title (Mr, Ms…), as some clients send it.
    public var title: String?
    /// The poster's account id at the client.
    public var accountID: String?
    /// Whether the poster asked to be e-mailed about further updates.
    public var emailAlertsRequested: Bool?
    /// Whether the poster asked not to be named publicly.
    public var publicAnonymityRequired: Bool?
    /// The request's service code, which some clients send along.
    public var serviceCode: String?

    public init(
        apiKey: String? = nil,
        jurisdictionID: String? = nil,
        serviceRequestID: String,
        updateID: String,
        status: Open311ExtendedStatus,
        updatedDatetime: Date,
        description: String? = nil,
        mediaURLs: [URL] = [],
        email: String? = nil,
        phone: String? = nil,
        firstName: String? = nil,
        lastName: String? = nil,
        title: String? = nil,
        accountID: String? = nil,
        emailAlertsRequested: Bool? = nil,
        publicAnonymityRequired: Bool? = nil,
        serviceCode: String? = nil
    ) {
        self.apiKey = apiKey
        self.jurisdictionID = jurisdictionID
        self.serviceRequestID = serviceRequestID
        self.updateID = updateID
        self.status = status
        self.updatedDatetime = updatedDatetime
        self.description = description
        self.mediaURLs = mediaURLs
        self.email = email
        self.phone = phone
        self.firstName = firstName
        self.lastName = lastName
        self.title = title
        self.accountID = accountID
        self.emailAlertsRequested = emailAlertsRequested
        self.publicAnonymityRequired = publicAnonymityRequired
        self.serviceCode = serviceCode
    }

    /// The first media URL, for consumers that keep one.
    public var mediaURL: URL? { mediaURLs.first }

    /// Reads and checks the form: `service_request_id`, `update_id`, `status` (one of
    /// `Open311ExtendedStatus`, upper case as posted, any case accepted) and `updated_datetime`
    /// (ISO 8601 with a zone) required; `description` at most 4,000 characters; `media_url`
    /// absolute http(s); `email` of e-mail shape; `email_alerts_requested` and
    /// `public_anonymity_required` TRUE or FALSE.
    public static func parse(_ form: Open311Form) throws(Open311Errors) -> Open311UpdateSubmission {
        var reader = Open311FieldReader(form)
        let apiKey = reader.text("api_key")
        let jurisdictionID = reader.text("jurisdiction_id")
        let serviceRequestID = reader.text("service_request_id", required: true)
        let updateID = reader.text("update_id", required: true)
        var status: Open311ExtendedStatus?
        if let text = reader.text("status", required: true) {
            status = Open311ExtendedStatus(posted: text)
            if status == nil {
                let allowed = Open311ExtendedStatus.allCases.map(\.postedValue).joined(separator: ", ")
                reader.fail("status", "must be one of \(allowed); got \(Open311FieldReader.shown(text))")
            }
        }
        let updatedDatetime = reader.datetime("updated_datetime", required: true)
        let description = reader.freeText("description")
        let mediaURLs = reader.mediaURLs("media_url")
        let email = reader.email("email")
        let phone = reader.text("phone")
        let firstName = reader.text("first_name")
        let lastName = reader.text("last_name")
        let title = reader.text("title")
        let accountID = reader.text("account_id")
        let emailAlertsRequested = reader.flag("email_alerts_requested")
        let publicAnonymityRequired = reader.flag("public_anonymity_required")
        let serviceCode = reader.text("service_code")
        try reader.finish()
        // Each of these is nil only with an error collected above; the guard keeps it so.
        guard let serviceRequestID, let updateID, let status, let updatedDatetime else {
            throw Open311Errors(.badRequest("service_request_id, update_id, status and updated_datetime are required."))
        }
        return Open311UpdateSubmission(
            apiKey: apiKey,
            jurisdictionID: jurisdictionID,
            serviceRequestID: serviceRequestID,
            updateID: updateID,
            status: status,
            updatedDatetime: updatedDatetime,
            description: description,
            mediaURLs: mediaURLs,
            email: email,
            phone: phone,
            firstName: firstName,
            lastName: lastName,
            title: title,
            accountID: accountID,
            emailAlertsRequested: emailAlertsRequested,
            publicAnonymityRequired: publicAnonymityRequired,
            serviceCode: serviceCode
        )
    }
}
