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
        let type = contentType.lowercased().split(separator: ";").first.map(String.init) ?? ""
        return type.trimmingCharacters(in: .whitespaces) == "application/json" || type.hasSuffix("+json")
    }
}
