import struct Foundation.Data
import struct Foundation.Date
import struct Foundation.UUID
import EventLog

/// Rows in PostgreSQL's COPY text format: fields separated by tabs, one row per line, `\N` for
/// NULL, and backslash, tab, newline and carriage return escaped in values.
struct CopyText: Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var rows = 0
    private var atRowStart = true

    init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    var isEmpty: Bool { rows == 0 }

    mutating func endRow() {
        bytes.append(0x0A)
        rows += 1
        atRowStart = true
    }

    mutating func null() {
        separate()
        bytes.append(contentsOf: [0x5C, 0x4E])
    }

    mutating func text(_ value: String?) {
        guard var value else { return null() }
        separate()
        value.withUTF8 { escape($0) }
    }

    mutating func json(_ value: Data) {
        separate()
        value.withUnsafeBytes { escape($0.bindMemory(to: UInt8.self)) }
    }

    mutating func int(_ value: Int64) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func unsigned(_ value: UInt64) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func double(_ value: Double) {
        separate()
        bytes.append(contentsOf: value.description.utf8)
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(value ? UInt8(ascii: "t") : UInt8(ascii: "f"))
    }

    mutating func uuid(_ value: UUID?) {
        guard let value else { return null() }
        separate()
        // Lower case, as PostgreSQL writes uuids back.
        bytes.append(contentsOf: value.uuidString.lowercased().utf8)
    }

    mutating func timestamp(_ value: Date?) {
        guard let value else { return null() }
        separate()
        DocumentTimestamp.append(value, to: &bytes, fractionDigits: 6)
    }

    /// A one-dimensional array of text (or of anything read from text, such as uuid), every
    /// element quoted.
    mutating func array(_ values: [String]) {
        separate()
        var literal: [UInt8] = [UInt8(ascii: "{")]
        for (index, value) in values.enumerated() {
            if index > 0 { literal.append(UInt8(ascii: ",")) }
            literal.append(UInt8(ascii: "\""))
            for byte in value.utf8 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { literal.append(UInt8(ascii: "\\")) }
                literal.append(byte)
            }
            literal.append(UInt8(ascii: "\""))
        }
        literal.append(UInt8(ascii: "}"))
        literal.withUnsafeBufferPointer { escape($0) }
    }

    private mutating func separate() {
        if atRowStart {
            atRowStart = false
        } else {
            bytes.append(0x09)
        }
    }

    private mutating func escape(_ value: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for (offset, byte) in value.enumerated() where byte == 0x5C || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: value[start..<offset]))
            start = offset + 1
            switch byte {
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
            case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
            default: bytes.append(contentsOf: [0x5C, 0x72])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: value[start...]))
    }
}
