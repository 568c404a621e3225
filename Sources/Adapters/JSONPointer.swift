import Foundation

/// RFC 6901 JSON pointers (`/work_order/id`); `JSONValue.at(_:)` follows them.
enum JSONPointer {
    /// Whether the text is a pointer: empty (the whole document) or `/`-separated tokens whose
    /// `~` is always `~0` or `~1`.
    static func isValid(_ pointer: String) -> Bool {
        guard pointer.isEmpty || pointer.hasPrefix("/") else { return false }
        var characters = pointer.makeIterator()
        while let character = characters.next() {
            if character == "~" {
                guard let next = characters.next(), next == "0" || next == "1" else { return false }
            }
        }
        return true
    }

    static func tokens(_ pointer: String) -> [String] {
        guard !pointer.isEmpty else { return [] }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }
}
