/// The answer to `POST /requests`, listed as `service_requests/request`: the new request's id, or a
/// token to exchange for it later.
///
/// The spec returns `service_request_id` or `token`, never both; when both are set only the id is
/// written. `service_notice` and `account_id` are always present, empty when unknown, as in the
/// spec's example.
public struct Open311RequestCreated: Open311ListItem, Hashable {
    public static var open311ListName: String { "service_requests" }
    public static var open311ItemName: String { "request" }

    /// The new request's id (realtime services).
    public var serviceRequestID: String?
    /// A token for `GET /tokens/{token}` (batch services).
    public var token: String?
    /// What will be done, e.g. the expected handling time.
    public var serviceNotice: String?
    /// The submitter's account id, when the service keeps accounts.
    public var accountID: String?

    /// A request created at once.
    public init(serviceRequestID: String, serviceNotice: String? = nil, accountID: String? = nil) {
        self.serviceRequestID = serviceRequestID
        self.serviceNotice = serviceNotice
        self.accountID = accountID
    }

    /// A request accepted for later creation.
    public init(token: String, serviceNotice: String? = nil, accountID: String? = nil) {
        self.token = token
        self.serviceNotice = serviceNotice
        self.accountID = accountID
    }

    public var open311Value: Open311Value {
        var fields: [Open311Field] = []
        if let serviceRequestID {
            fields.append("service_request_id", .text(serviceRequestID))
        } else if let token {
            fields.append("token", .text(token))
        }
        fields.append("service_notice", .text(orEmpty: serviceNotice))
        fields.append("account_id", .text(orEmpty: accountID))
        return .record(fields)
    }
}
