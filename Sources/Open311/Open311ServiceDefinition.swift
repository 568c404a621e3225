/// A service's attributes (`GET /services/{service_code}`).
///
/// XML `<service_definition><service_code/><attributes><attribute>…</attribute></attributes></service_definition>`;
/// JSON an object with `service_code` and an `attributes` array.
public struct Open311ServiceDefinition: Open311Document, Hashable {
    /// The service described.
    public var serviceCode: String
    /// Its attributes, in any order (`order` says how to show them).
    public var attributes: [Open311ServiceAttribute]

    public init(serviceCode: String, attributes: [Open311ServiceAttribute]) {
        self.serviceCode = serviceCode
        self.attributes = attributes
    }

    public var open311Root: String { "service_definition" }

    public var open311Value: Open311Value {
        .record([
            Open311Field("service_code", .text(serviceCode)),
            Open311Field("attributes", .list(element: "attribute", items: attributes.map(\.open311Value))),
        ])
    }
}
