import struct Foundation.Date
import ReportDomain

/// How the documents write their values: as plain strings, numbers and nested containers, each
/// in the form the domain type's own `Codable` gives it (a test holds the two in agreement).
///
/// Foundation's encoder takes every generic value through run-time type checks and a container
/// of its own; for a report's document that detour was most of the encoding, and encoding the
/// documents about half of a rebuild's fold. The concrete overloads (`String`, `Int64`,
/// `Double`, `Bool`) skip it.
extension KeyedEncodingContainer {
    /// Text, or an explicit `null`.
    mutating func encode(text: String?, forKey key: Key) throws {
        if let text {
            try encode(text, forKey: key)
        } else {
            try encodeNil(forKey: key)
        }
    }

    /// A moment as `DocumentTimestamp` writes it, or an explicit `null`.
    mutating func encode(moment: Date?, forKey key: Key) throws {
        if let moment {
            try encode(DocumentTimestamp.string(from: moment), forKey: key)
        } else {
            try encodeNil(forKey: key)
        }
    }

    /// Values that write themselves as bare strings (codes, report numbers, URLs), as an array.
    mutating func encode(strings values: [some CustomStringConvertible], forKey key: Key) throws {
        var list = nestedUnkeyedContainer(forKey: key)
        for value in values {
            try list.encode(value.description)
        }
    }

    /// `{"latitude", "longitude", "address", "postcode"}`, as `Location` writes itself.
    mutating func encode(location: Location, forKey key: Key) throws {
        var fields = nestedContainer(keyedBy: DocumentKey.self, forKey: key)
        try fields.encode(location.latitude, forKey: "latitude")
        try fields.encode(location.longitude, forKey: "longitude")
        try fields.encode(text: location.address, forKey: "address")
        try fields.encode(text: location.postcode, forKey: "postcode")
    }

    /// `{"id", "display_name", "has_processing_agreement"}`, as `Party` writes itself, or `null`.
    mutating func encode(party: Party?, forKey key: Key) throws {
        guard let party else { return try encodeNil(forKey: key) }
        var fields = nestedContainer(keyedBy: DocumentKey.self, forKey: key)
        try fields.encode(party.id.rawValue, forKey: "id")
        try fields.encode(party.displayName, forKey: "display_name")
        try fields.encode(party.hasProcessingAgreement, forKey: "has_processing_agreement")
    }

    /// `{"system", "id"}`, as `ExternalReference` writes itself, or `null`.
    mutating func encode(externalReference reference: ExternalReference?, forKey key: Key) throws {
        guard let reference else { return try encodeNil(forKey: key) }
        var fields = nestedContainer(keyedBy: DocumentKey.self, forKey: key)
        try fields.encode(reference.system, forKey: "system")
        try fields.encode(reference.id, forKey: "id")
    }

    /// `[{"at", "text"}]`, oldest first.
    mutating func encode(notes: [ReportDocument.Note], forKey key: Key) throws {
        var list = nestedUnkeyedContainer(forKey: key)
        for note in notes {
            var fields = list.nestedContainer(keyedBy: DocumentKey.self)
            try fields.encode(moment: note.at, forKey: "at")
            try fields.encode(note.text, forKey: "text")
        }
    }

    /// A part of a document through its own `encode(to:)`, or `null`: one generic step, not the
    /// two of an `Optional`.
    mutating func encode(part: (some Encodable)?, forKey key: Key) throws {
        if let part {
            try encode(part, forKey: key)
        } else {
            try encodeNil(forKey: key)
        }
    }
}
