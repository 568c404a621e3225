import Foundation
import Mustache

/// Escapes `{{value}}` for an `application/x-www-form-urlencoded` body (an Open311 GeoReport v2
/// `POST requests`): every byte but the unreserved characters is percent-encoded, so a reporter's
/// `&` or `=` cannot add or change a field. `{{{value}}}` stays raw.
struct FormValueContentType: MustacheContentType {
    /// RFC 3986's unreserved characters; the HTML form rules encode the rest, and encoding a
    /// space as %20 instead of + is read alike by every form parser.
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    func escapeText(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? ""
    }
}
