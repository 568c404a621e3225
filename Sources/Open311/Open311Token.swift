/// The answer to `GET /tokens/{token}`, listed as `service_requests/request`.
public struct Open311Token: Open311ListItem, Hashable {
    public static var open311ListName: String { "service_requests" }
    public static var open311ItemName: String { "request" }

    /// The request's id; empty while the request is not created yet.
    public var serviceRequestID: String?
    /// The token asked about.
    public var token: String

    public init(serviceRequestID: String?, token: String) {
        self.serviceRequestID = serviceRequestID
        self.token = token
    }

    public var open311Value: Open311Value {
        .record([
            Open311Field("service_request_id", .text(orEmpty: serviceRequestID)),
            Open311Field("token", .text(token)),
        ])
    }
}
