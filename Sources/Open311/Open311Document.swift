/// A whole Open311 response body: a root element holding a record or a list.
///
/// The documents of this module conform; a list of `Open311ListItem`s is a document too
/// (`[Open311Service]` is the `services` document).
public protocol Open311Document: Sendable {
    /// The name of the XML root element, e.g. `services` or `service_definition`. JSON has no root name.
    var open311Root: String { get }
    /// What the root holds: a `.record` (written as a JSON object) or a `.list` (a JSON array).
    var open311Value: Open311Value { get }
}
