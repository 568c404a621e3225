import Foundation

/// A Swift type that can be read from a result column in text format.
public protocol PGDecodable: Sendable {
    init(pgText bytes: UnsafeBufferPointer<UInt8>) throws(PGError)
}

extension PGDecodable {
    static func decodingError(_ bytes: UnsafeBufferPointer<UInt8>) -> PGError {
        PGError(code: .decoding, serverMessage: "cannot read \(Self.self) from \(bytes.count) bytes")
    }
}

extension String: PGDecodable {
    public init(pgText bytes: UnsafeBufferPointer<UInt8>) throws(PGError) {
        self = String(decoding: bytes, as: UTF8.self)
    }
}

extension Int64: PGDecodable {
    public init(pgText bytes: UnsafeBufferPointer<UInt8>) throws(PGError) {
        guard let value = Int64(parsing: bytes) else { throw Self.decodingError(bytes) }
        self = value
    }

    /// Parses decimal digits without building a String: result rows are read in hot loops.
    init?(parsing bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return nil }
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") {
            negative = true
            index = 1
        }
        guard index < bytes.count else { return nil }
        var value: Int64 = 0
        while index < bytes.count {
            let digit = Int64(bytes[index]) - 48
            guard digit >= 0, digit <= 9 else { return nil }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(negative ? -digit : digit)
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            index += 1
        }
        self = value
    }
}

extension UInt64: PGDecodable {
    public init(pgText bytes: UnsafeBufferPointer<UInt8>) throws(PGError) {
        guard let value = UInt64(String(decoding: bytes, as: UTF8.self)) else { throw Self.decodingError(bytes) }
        self = value
    }
}

extension Int: PGDecodable {
    public init(pgText bytes: UnsafeBufferPointer<UInt8>) throws(PGError) {
        self = Int(try Int64(pgText: bytes))
    }
}

extension Int32: PGDecodable {
    public init(pgText bytes: UnsafeBufferPointer<UInt8>) throws(PGError) {
        guard let value = Int32(exactly: try Int64(pgText: bytes)) else { throw Self.decodingError(bytes) }
        self = value
    }
}

extension Double: PGDecodable {
    public init(pgText bytes: UnsafeBufferPointer<UInt8>) throws(PGError) {
        guard let value = Double(String(decoding: bytes, as: UTF8.self)) else { throw Self.decodingError(bytes) }
        self = value
    }
}

extension Bool: PGDecodable {
    public init(pgText bytes: UnsafeBufferPointer<UInt8>) throws(PGError) {
        guard bytes.count == 1 else { throw Self.decodingError(bytes) }
        switch bytes[0] {
        case UInt8(ascii: "t"): self = true
        case UInt8(ascii: "f"): self = false
        default: throw Self.decodingError(bytes)
        }
    }
}

extension UUID: PGDecodable {
    public init(pgText bytes: UnsafeBufferPointer<UInt8>) throws(PGError) {
        guard let value = UUID(uuidString: String(decoding: bytes, as: UTF8.self)) else {
            throw Self.decodingError(bytes)
        }
        self = value
    }
}

extension Date: PGDecodable {
    public init(pgText bytes: UnsafeBufferPointer<UInt8>) throws(PGError) {
        guard let value = PGTimestamp.parse(String(decoding: bytes, as: UTF8.self)) else {
            throw Self.decodingError(bytes)
        }
        self = value
    }
}

extension PGBytes: PGDecodable {
    /// Reads `bytea` in the server's hex output (`\x0a1b…`).
    public init(pgText bytes: UnsafeBufferPointer<UInt8>) throws(PGError) {
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "\\"), bytes[1] == UInt8(ascii: "x"),
            bytes.count % 2 == 0
        else { throw Self.decodingError(bytes) }
        func nibble(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 48...57: byte - 48
            case 97...102: byte - 87
            case 65...70: byte - 55
            default: nil
            }
        }
        var out = [UInt8]()
        out.reserveCapacity((bytes.count - 2) / 2)
        var index = 2
        while index < bytes.count {
            guard let high = nibble(bytes[index]), let low = nibble(bytes[index + 1]) else {
                throw Self.decodingError(bytes)
            }
            out.append(high << 4 | low)
            index += 2
        }
        self.init(out)
    }
}

extension PGJSON: PGDecodable {
    public init(pgText bytes: UnsafeBufferPointer<UInt8>) throws(PGError) {
        self.init(utf8: Array(bytes))
    }
}
