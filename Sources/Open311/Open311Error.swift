/// One error of an Open311 error document, listed as `errors/error`.
///
/// `code` is what the body says, normally the HTTP status (404 unknown resource or
/// jurisdiction, 403 missing or wrong `api_key`, 400 anything else); `description` is meant
/// to be shown to people and never contains personal data.
public struct Open311Error: Open311ListItem, Hashable, CustomStringConvertible {
    public static var open311ListName: String { "errors" }
    public static var open311ItemName: String { "error" }

    /// The error's code, written in the body.
    public var code: Int
    /// What went wrong, naming the parameter and why.
    public var description: String
    /// The parameter concerned, when there is one (not written in the body; for logs and problem details).
    public var field: String?

    public init(code: Int, description: String, field: String? = nil) {
        self.code = code
        self.description = description
        self.field = field
    }

    /// A 400: the request cannot be fulfilled as sent.
    public static func badRequest(_ description: String, field: String? = nil) -> Open311Error {
        Open311Error(code: 400, description: description, field: field)
    }

    /// A 403: the `api_key` is missing or not valid here.
    public static func forbidden(_ description: String) -> Open311Error {
        Open311Error(code: 403, description: description, field: "api_key")
    }

    /// A 404: the resource or jurisdiction does not exist.
    public static func notFound(_ description: String, field: String? = nil) -> Open311Error {
        Open311Error(code: 404, description: description, field: field)
    }

    public var open311Value: Open311Value {
        .record([Open311Field("code", .integer(code)), Open311Field("description", .text(description))])
    }
}
