import Foundation

/// One API endpoint listed by discovery.
public struct Open311DiscoveryEndpoint: Sendable, Hashable {
    /// The token of GeoReport v2.
    public static let geoReportV2 = "http://wiki.open311.org/GeoReport_v2"

    /// The specification the endpoint speaks, e.g. `http://wiki.open311.org/GeoReport_v2`.
    public var specification: String
    /// The endpoint's base URL, e.g. `https://hub.example.nl/open311/v2`.
    public var url: URL
    /// When the endpoint's services or definitions last changed; clients refresh cached data when it moves.
    public var changeset: Date
    /// Production or test.
    public var type: Open311EndpointType
    /// The formats served, listed as MIME types.
    public var formats: [Open311Format]

    public init(
        specification: String = Open311DiscoveryEndpoint.geoReportV2,
        url: URL,
        changeset: Date,
        type: Open311EndpointType,
        formats: [Open311Format] = Open311Format.allCases
    ) {
        self.specification = specification
        self.url = url
        self.changeset = changeset
        self.type = type
        self.formats = formats
    }

    var open311Value: Open311Value {
        .record([
            Open311Field("specification", .text(specification)),
            Open311Field("url", .text(url.absoluteString)),
            Open311Field("changeset", .datetime(changeset)),
            Open311Field("type", .text(type.rawValue)),
            Open311Field("formats", .list(element: "format", items: formats.map { .text($0.mimeType) })),
        ])
    }
}
