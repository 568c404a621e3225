/// The module's error: what was wrong with an Open311 request, as the errors document to answer with.
///
/// Parsing collects every problem it finds rather than stopping at the first, because the
/// spec lets one response list several. `httpStatus` is the status to send; encode the value
/// itself (it is a document) as the body.
public struct Open311Errors: Error, Open311Document, Hashable, CustomStringConvertible {
    /// The errors, in the order found; never empty when thrown by this module.
    public var errors: [Open311Error]

    public init(_ errors: [Open311Error]) {
        self.errors = errors
    }

    public init(_ error: Open311Error) {
        self.errors = [error]
    }

    /// The HTTP status: 403 when any error is about the `api_key` (checked before revealing what
    /// exists), else 404 when any is about a missing resource, else 400.
    public var httpStatus: Int {
        let codes = Set(errors.map(\.code))
        if codes.contains(403) { return 403 }
        if codes.contains(404) { return 404 }
        return 400
    }

    public var description: String {
        errors.map { "\($0.code): \($0.description)" }.joined(separator: " ")
    }

    public var open311Root: String { errors.open311Root }

    public var open311Value: Open311Value { errors.open311Value }
}
