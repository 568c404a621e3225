/// The name of one connected system, as its adapter file declares it: `melddesk-enschede`.
///
/// Lower-case letters, digits and hyphens, 1–63 characters, starting with a letter or digit, so it
/// is safe in URLs (`/adapters/{name}/webhook`), metric labels and log metadata alike.
public struct AdapterName: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// A name that follows the rule; `nil` otherwise.
    public init?(rawValue: String) {
        guard Self.isValid(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static func < (lhs: AdapterName, rhs: AdapterName) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= 63 else { return false }
        func allowed(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        return allowed(first) && text.unicodeScalars.allSatisfy { allowed($0) || $0 == "-" }
    }
}
