import Foundation
import HubConfig
import Mustache
import ReportDomain

/// Renders an event into a `.template` adapter's own request body.
///
/// The caller passes the event as the adapter may receive it (already `redacted(for:)` when the
/// adapter has no processing agreement); the renderer leaves the reporter's contact data out of
/// the report as well unless the adapter may have it, so no template can leak it by accident.
public struct OutboundRenderer: Sendable {
    public let adapter: AdapterDefinition
    /// For the municipality's public status labels and names of categories and municipalities.
    public let configuration: HubConfiguration

    public init(adapter: AdapterDefinition, configuration: HubConfiguration) {
        self.adapter = adapter
        self.configuration = configuration
    }

    /// The body for one event. `main` is the main report's state when `report` is merged under
    /// one, so the public status follows it (rule 6).
    /// `notification` is the domain's decision whether the reporter hears of the event, made on
    /// the report before redaction (a redacted report has no notification preference left).
    public func render(
        event: ReportEvent, report: Report, envelope: OutboundEnvelope, main: Report? = nil,
        notification: NotificationDecision? = nil
    ) throws(AdapterFileError) -> RenderedBody {
        guard case .template(let template) = adapter.outbound?.format else {
            throw failure(line: nil, path: "outbound.format", "adapter \(adapter.name) does not send templates (it sends CloudEvents, or nothing)")
        }
        guard let entry = template.entry(for: envelope.eventType) else {
            throw failure(line: nil, path: "outbound.template.events", "has no template for \(envelope.eventType) and no default")
        }
        let marker = OutboundTemplate.theirIDMarkerPrefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let rendered = entry.template.render(
            context(event: event, report: report, envelope: envelope, main: main, notification: notification, theirIDMarker: marker))
        // A form's values are encoded and its own text has no whitespace, so a long form may be
        // written over several lines, indented, in the file.
        let text = template.isForm ? rendered.filter { !$0.isWhitespace } : rendered
        let body = Data(text.utf8)
        if template.isJSON {
            do {
                _ = try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
            } catch {
                throw failure(
                    line: entry.line, path: entry.path,
                    "rendered \(envelope.eventType) as text that is not JSON (\(error.localizedDescription)); check the template's quotes and commas")
            }
        }
        return RenderedBody(contentType: template.contentType, body: body, theirIDMarker: text.contains(marker) ? marker : nil)
    }

    private func failure(line: Int?, path: String, _ message: String) -> AdapterFileError {
        AdapterFileError(code: .rendering, issues: [AdapterFileIssue(file: adapter.file, line: line, path: path, message: message)])
    }

    /// Inserted before a JSON template's text: escape values for JSON strings.
    static let jsonPragma = "{{% CONTENT_TYPE: JSON_STRING}}"

    /// Mustache looks content types up by name in a process-wide table; registering is idempotent.
    static func registerContentTypes() {
        _ = registration
    }

    /// Inserted before a form template's text: percent-encode values.
    static let formPragma = "{{% CONTENT_TYPE: FORM_VALUE}}"

    private static let registration: Void = {
        MustacheContentTypes.register(JSONStringContentType(), named: "JSON_STRING")
        MustacheContentTypes.register(FormValueContentType(), named: "FORM_VALUE")
    }()
}
