/// The shape of an outbound request body.
public enum OutboundFormat: Sendable {
    /// CloudEvents 1.0, structured mode (`application/cloudevents+json`); built by delivery.
    case cloudEvents
    /// The system's own format, rendered from the file's mustache templates by `OutboundRenderer`.
    case template(OutboundTemplate)
}
