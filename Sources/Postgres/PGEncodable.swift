import Foundation

/// A Swift value that can be sent as a bind parameter. Values never become part of SQL text.
public protocol PGEncodable: Sendable {
    var pgData: PGData { get }
}

extension String: PGEncodable {
    public var pgData: PGData { PGData(text: self) }
}

extension Int: PGEncodable {
    public var pgData: PGData { PGData(text: String(self)) }
}

extension Int64: PGEncodable {
    public var pgData: PGData { PGData(text: String(self)) }
}

extension Int32: PGEncodable {
    public var pgData: PGData { PGData(text: String(self)) }
}

extension UInt64: PGEncodable {
    public var pgData: PGData { PGData(text: String(self)) }
}

extension Double: PGEncodable {
    public var pgData: PGData { PGData(text: String(self)) }
}

extension Bool: PGEncodable {
    public var pgData: PGData { PGData(text: self ? "t" : "f") }
}

extension UUID: PGEncodable {
    public var pgData: PGData { PGData(text: uuidString) }
}

extension Date: PGEncodable {
    /// Sent as epoch seconds through `to_timestamp`-compatible text: ISO 8601 with microseconds in UTC.
    public var pgData: PGData { PGData(text: PGTimestamp.format(self)) }
}

extension Optional: PGEncodable where Wrapped: PGEncodable {
    public var pgData: PGData { self?.pgData ?? .null }
}

extension PGData: PGEncodable {
    public var pgData: PGData { self }
}

/// Raw bytes sent in binary format: a `bytea` parameter.
public struct PGBytes: PGEncodable, Hashable {
    public var bytes: [UInt8]
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public var pgData: PGData { PGData(bytes: bytes, format: 1) }
}

/// A JSON document sent as text, for `json`/`jsonb` parameters.
public struct PGJSON: PGEncodable, Hashable {
    public var utf8: [UInt8]
    public init(utf8: [UInt8]) { self.utf8 = utf8 }
    public var pgData: PGData { PGData(bytes: utf8, format: 0) }
}

/// A one-dimensional PostgreSQL array literal in text format, with every element quoted.
public struct PGArray: PGEncodable, Hashable {
    public var elements: [String?]
    public init(_ elements: [String?]) { self.elements = elements }

    public var pgData: PGData {
        var out: [UInt8] = [UInt8(ascii: "{")]
        out.reserveCapacity(elements.reduce(2) { $0 + ($1?.utf8.count ?? 4) + 3 })
        for (index, element) in elements.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            guard let element else {
                out.append(contentsOf: "NULL".utf8)
                continue
            }
            out.append(UInt8(ascii: "\""))
            for byte in element.utf8 {
                // Inside a quoted element only the quote and the backslash need escaping.
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { out.append(UInt8(ascii: "\\")) }
                out.append(byte)
            }
            out.append(UInt8(ascii: "\""))
        }
        out.append(UInt8(ascii: "}"))
        return PGData(bytes: out, format: 0)
    }
}
