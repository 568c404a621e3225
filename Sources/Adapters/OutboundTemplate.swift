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

    /// How `{{value}}` is escaped: for a JSON string, a form value, or else (XML, HTML) as HTML.
    var escapingPragma: String {
        isJSON ? OutboundRenderer.jsonPragma : isForm ? OutboundRenderer.formPragma : ""
    }

    private var mediaType: String {
        (contentType.lowercased().split(separator: ";").first.map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
    }
}
