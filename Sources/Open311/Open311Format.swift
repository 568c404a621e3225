/// The two formats of GeoReport v2, chosen by the resource's suffix (`/services.xml`, `/requests/12.json`).
public enum Open311Format: String, Sendable, Hashable, CaseIterable {
    /// XML, the format every server must offer.
    case xml
    /// JSON, the Spark mapping of the XML.
    case json

    /// The format named by a suffix such as `xml` or `JSON` (case does not matter).
    public init?(suffix: some StringProtocol) {
        self.init(rawValue: suffix.lowercased())
    }

    /// The format of a path such as `requests.xml` or `services/ABC.json`; nil without a known suffix.
    public init?(path: some StringProtocol) {
        guard let split = Self.split(path) else { return nil }
        self = split.format
    }

    /// Splits `services/a.b.json` into the resource `services/a.b` and the format `.json`.
    ///
    /// The suffix is what follows the last dot, so codes and ids that contain dots survive.
    /// Nil when there is no known suffix or nothing before it.
    public static func split(_ path: some StringProtocol) -> (resource: String, format: Open311Format)? {
        guard let dot = path.lastIndex(of: "."), dot != path.startIndex,
              let format = Open311Format(suffix: path[path.index(after: dot)...])
        else { return nil }
        return (String(path[..<dot]), format)
    }

    /// The MIME type, as listed in a discovery document's `formats`: `text/xml` or `application/json`.
    public var mimeType: String {
        switch self {
        case .xml: "text/xml"
        case .json: "application/json"
        }
    }

    /// The `Content-Type` header of a response: `text/xml; charset=utf-8` or `application/json; charset=utf-8`.
    public var contentType: String {
        "\(mimeType); charset=utf-8"
    }
}
