/// A list of items is the document that lists them: XML `<services><service>…</service></services>`,
/// JSON a top-level array (an empty list is `<services></services>` and `[]`).
extension Array: Open311Document where Element: Open311ListItem {
    public var open311Root: String { Element.open311ListName }

    public var open311Value: Open311Value {
        .list(element: Element.open311ItemName, items: map(\.open311Value))
    }
}
