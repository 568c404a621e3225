import Foundation
import Mustache

/// Escapes `{{value}}` for an `application/x-www-form-urlencoded` body (an Open311 GeoReport v2
/// `POST requests`): every byte but the unreserved characters is percent-encoded, so a reporter's
/// `&` or `=` cannot add or change a field. `{{{value}}}` stays raw.
public struct FormValueContentType: MustacheContentType {
    /// RFC 3986's unreserved characters; the HTML form rules encode the rest, and encoding a
    /// space as %20 instead of + is read alike by every form parser.
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    public func escapeText(_ text: String) -> String {
        Self.encoded(text)
    }

    /// The text percent-encoded as a form's name or value.
    public static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// `name=value`, both encoded, added to a form body (with `&` when it has fields already).
    public static func appending(field name: String, value: String, to body: [UInt8]) -> [UInt8] {
        body + Array(((body.isEmpty ? "" : "&") + encoded(name) + "=" + encoded(value)).utf8)
    }
}
