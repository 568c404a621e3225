/// A municipality's category of report, e.g. `afval.container` or `verlichting`.
///
/// Categories are configured per municipality, so the domain treats the code as opaque text.
public struct CategoryCode: DomainCode {
    /// The code as configured by the municipality.
    public let rawValue: String

    /// Wraps a code without checking it; `validated(_:)` checks it.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// A code that is not blank and at most 100 characters.
    public static func validated(_ text: String) throws(ReportError) -> CategoryCode {
        guard !text.isBlank else {
            throw .invalidField(field: "category", reason: "is empty; every report needs a category")
        }
        guard text.count <= 100 else {
            throw .invalidField(field: "category", reason: "is \(text.count) characters long; at most 100 are allowed")
        }
        return CategoryCode(text)
    }
}
