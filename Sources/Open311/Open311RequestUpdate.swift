import Foundation

/// One update of `GET /servicerequestupdates` (mySociety's extension), listed as
/// `service_request_updates/request_update`.
///
/// `description` and `media_url` are always present, as empty text when there is none (that
/// extension's schema requires both as strings, also in JSON); `external_status_code` only when set.
public struct Open311RequestUpdate: Open311ListItem, Hashable {
    public static var open311ListName: String { "service_request_updates" }
    public static var open311ItemName: String { "request_update" }

    /// The update's id; clients deduplicate on it.
    public var updateID: String
    /// The request it belongs to.
    public var serviceRequestID: String
    /// The request's status after the update, written in lower case.
    public var status: Open311ExtendedStatus
    /// When the update happened; clients ignore updates older than the last one they applied.
    public var updatedDatetime: Date
    /// The update's text for the public.
    public var description: String?
    /// A photo or other media, e.g. of the repair.
    public var mediaURL: URL?
    /// The back office's own status code, for clients that map it.
    public var externalStatusCode: String?

    public init(
        updateID: String,
        serviceRequestID: String,
        status: Open311ExtendedStatus,
        updatedDatetime: Date,
        description: String? = nil,
        mediaURL: URL? = nil,
        externalStatusCode: String? = nil
    ) {
        self.updateID = updateID
        self.serviceRequestID = serviceRequestID
        self.status = status
        self.updatedDatetime = updatedDatetime
        self.description = description
        self.mediaURL = mediaURL
        self.externalStatusCode = externalStatusCode
    }

    public var open311Value: Open311Value {
        var fields: [Open311Field] = []
        fields.append("update_id", .text(updateID))
        fields.append("service_request_id", .text(serviceRequestID))
        fields.append("status", .text(status.rawValue))
        fields.append("updated_datetime", .datetime(updatedDatetime))
        fields.append("description", .text(description ?? ""))
        fields.append("media_url", .text(mediaURL?.absoluteString ?? ""))
        fields.append("external_status_code", ifPresent: externalStatusCode.map(Open311Value.text))
        return .record(fields)
    }
}
