import struct Foundation.UUID

/// A report number as a person types it: the whole UUID, or its first 8 or more hexadecimal
/// digits (as printed on a letter), dashes and case ignored. A prefix is the range of UUIDs that
/// start with it, which the primary key's index answers directly.
struct ReportNumberPrefix: Sendable, Hashable {
    var lowest: UUID
    var highest: UUID

    static let minimumDigits = 8

    init(_ text: String) throws(ProjectionError) {
        let digits = text.lowercased().filter { $0 != "-" && !$0.isWhitespace }
        guard digits.allSatisfy({ $0.isHexDigit }), (Self.minimumDigits...32).contains(digits.count) else {
            throw .invalidSearch(
                "a report number must be a UUID or its first \(Self.minimumDigits) or more hexadecimal digits")
        }
        func uuid(_ padding: Character) -> UUID {
            let hex = Array(digits + String(repeating: padding, count: 32 - digits.count))
            let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(hex[$0]) }
            return UUID(uuidString: groups.joined(separator: "-"))!
        }
        lowest = uuid("0")
        highest = uuid("f")
    }

    var isWholeNumber: Bool { lowest == highest }
}
