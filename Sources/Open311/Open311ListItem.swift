/// An element of a list document, such as one `service` of `services`.
public protocol Open311ListItem: Sendable {
    /// The root element of the list document, e.g. `services`.
    static var open311ListName: String { get }
    /// The element each item is written as, e.g. `service`.
    static var open311ItemName: String { get }
    /// The item's fields, as a `.record`.
    var open311Value: Open311Value { get }
}
