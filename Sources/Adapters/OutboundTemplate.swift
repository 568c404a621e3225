import Foundation
import Mustache

/// The system's own request format: a mustache template per event type, or one `default`.
public struct OutboundTemplate: Sendable {
    /// One compiled template with where it was written, so a rendering problem names its line.
    public struct Entry: Sendable {
        public var template: MustacheTemplate
        /// The line of the template in the adapter file.
        public var line: Int?
        /// The path of the template in the adapter file, e.g. `outbound.template.events.ReportForwarded`.
        public var path: String
    }

    /// The `Content-Type` of the rendered body, e.g. `application/json`.
    public var contentType: String
    /// Templates by event type name, and `default` for the rest.
    public var templates: [String: Entry]

    public init(contentType: String, templates: [String: Entry]) {
        self.contentType = contentType
        self.templates = templates
    }

    /// The template for an event type, else the default.
    public func entry(for eventType: String) -> Entry? {
        templates[eventType] ?? templates["default"]
    }

    /// Whether the body is JSON, so values are escaped for JSON strings and the result is checked.
    public var isJSON: Bool {
        mediaType == "application/json" || mediaType.hasSuffix("+json")
    }

    /// Whether the body is a form (`application/x-www-form-urlencoded`), so values are percent-encoded.
    public var isForm: Bool {
        mediaType == "application/x-www-form-urlencoded"
    }

    /// How every stand-in for `report.their_id` begins; the rest is random, so no value a
    /// reporter wrote can be taken for one. Letters, digits and `-` only: every escaping keeps it.
    public static let theirIDMarkerPrefix = "hub-their-id-"

    /// A value escaped as `{{value}}` is in this template's bodies (JSON string, form value, HTML).
    public func escaped(_ value: String) -> String {
        OutboundRenderer.registerContentTypes()
        guard let template = try? MustacheTemplate(string: escapingPragma + "{{value}}") else { return value }
        return template.render(["value": value])
    }

    /// A body rendered before the system's answer named its id for the report, with that id
    /// written where the marker stood, escaped as the template escapes values.
    public func bindingTheirID(_ id: String, marker: String, in body: [UInt8]) -> [UInt8] {
        Array(String(decoding: body, as: UTF8.self).replacingOccurrences(of: marker, with: escaped(id)).utf8)
    }

    /// How `{{value}}` is escaped: for a JSON string, a form value, or else (XML, HTML) as HTML.
    var escapingPragma: String {
        isJSON ? OutboundRenderer.jsonPragma : isForm ? OutboundRenderer.formPragma : ""
    }

    private var mediaType: String {
        (contentType.lowercased().split(separator: ";").first.map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
    }
}
