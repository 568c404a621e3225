import Foundation

/// The discovery document (`GET /discovery.{xml,json}`): who runs the API and where its endpoints are.
///
/// XML `<discovery><changeset/><contact/><key_service/><endpoints><endpoint>…</endpoint></endpoints></discovery>`;
/// JSON an object whose `endpoints` is an array and each endpoint's `formats` an array of MIME types.
public struct Open311Discovery: Open311Document, Hashable {
    /// When this document last changed (sortable).
    public var changeset: Date
    /// How to reach the people behind the API.
    public var contact: String
    /// How to get an API key.
    public var keyService: String
    /// The endpoints offered.
    public var endpoints: [Open311DiscoveryEndpoint]

    public init(changeset: Date, contact: String, keyService: String, endpoints: [Open311DiscoveryEndpoint]) {
        self.changeset = changeset
        self.contact = contact
        self.keyService = keyService
        self.endpoints = endpoints
    }

    public var open311Root: String { "discovery" }

    public var open311Value: Open311Value {
        .record([
            Open311Field("changeset", .datetime(changeset)),
            Open311Field("contact", .text(contact)),
            Open311Field("key_service", .text(keyService)),
            Open311Field("endpoints", .list(element: "endpoint", items: endpoints.map(\.open311Value))),
        ])
    }
}
