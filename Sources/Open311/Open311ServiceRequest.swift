import Foundation

/// One service request as `GET /requests` and `GET /requests/{id}` return it, listed as `service_requests/request`.
///
/// Written as the spec's example shows: the text fields are always present, empty (`null` in
/// JSON) when there is nothing to say; a datetime or coordinate that is unknown is left out,
/// since an empty element is not a valid date or number for a typed client.
public struct Open311ServiceRequest: Open311ListItem, Hashable {
    public static var open311ListName: String { "service_requests" }
    public static var open311ItemName: String { "request" }

    /// The request's id.
    public var serviceRequestID: String
    /// Open or closed.
    public var status: Open311RequestStatus
    /// Why the status is what it is, for the public.
    public var statusNotes: String?
    /// The service's name.
    public var serviceName: String?
    /// The service's code.
    public var serviceCode: String
    /// The reporter's description as may be shown publicly.
    public var description: String?
    /// Who handles it, e.g. "Afvalinzamelaar".
    public var agencyResponsible: String?
    /// What will be done about it.
    public var serviceNotice: String?
    /// When it was reported.
    public var requestedDatetime: Date
    /// When it last changed (for a closed request: when it was closed).
    public var updatedDatetime: Date?
    /// When it is expected to be handled (the service level promise).
    public var expectedDatetime: Date?
    /// The address, most specific part first.
    public var address: String?
    /// The jurisdiction's address id (e.g. a BAG id).
    public var addressID: String?
    /// The postcode.
    public var zipcode: String?
    /// WGS84 latitude.
    public var latitude: Double?
    /// WGS84 longitude.
    public var longitude: Double?
    /// A photo or other media.
    public var mediaURL: URL?

    public init(
        serviceRequestID: String,
        status: Open311RequestStatus,
        statusNotes: String? = nil,
        serviceName: String? = nil,
        serviceCode: String,
        description: String? = nil,
        agencyResponsible: String? = nil,
        serviceNotice: String? = nil,
        requestedDatetime: Date,
        updatedDatetime: Date? = nil,
        expectedDatetime: Date? = nil,
        address: String? = nil,
        addressID: String? = nil,
        zipcode: String? = nil,
        latitude: Double? = nil,
        longitude: Double? = nil,
        mediaURL: URL? = nil
    ) {
        self.serviceRequestID = serviceRequestID
        self.status = status
        self.statusNotes = statusNotes
        self.serviceName = serviceName
        self.serviceCode = serviceCode
        self.description = description
        self.agencyResponsible = agencyResponsible
        self.serviceNotice = serviceNotice
        self.requestedDatetime = requestedDatetime
        self.updatedDatetime = updatedDatetime
        self.expectedDatetime = expectedDatetime
        self.address = address
        self.addressID = addressID
        self.zipcode = zipcode
        self.latitude = latitude
        self.longitude = longitude
        self.mediaURL = mediaURL
    }

    public var open311Value: Open311Value {
        var fields: [Open311Field] = []
        fields.append("service_request_id", .text(serviceRequestID))
        fields.append("status", .text(status.rawValue))
        fields.append("status_notes", .text(orEmpty: statusNotes))
        fields.append("service_name", .text(orEmpty: serviceName))
        fields.append("service_code", .text(serviceCode))
        fields.append("description", .text(orEmpty: description))
        fields.append("agency_responsible", .text(orEmpty: agencyResponsible))
        fields.append("service_notice", .text(orEmpty: serviceNotice))
        fields.append("requested_datetime", .datetime(requestedDatetime))
        fields.append("updated_datetime", ifPresent: updatedDatetime.map(Open311Value.datetime))
        fields.append("expected_datetime", ifPresent: expectedDatetime.map(Open311Value.datetime))
        fields.append("address", .text(orEmpty: address))
        fields.append("address_id", .text(orEmpty: addressID))
        fields.append("zipcode", .text(orEmpty: zipcode))
        // Both or neither: half a position is no position.
        if let latitude, let longitude, latitude.isFinite, longitude.isFinite {
            fields.append("lat", .number(latitude))
            fields.append("long", .number(longitude))
        }
        fields.append("media_url", .text(orEmpty: mediaURL?.absoluteString))
        return .record(fields)
    }
}
