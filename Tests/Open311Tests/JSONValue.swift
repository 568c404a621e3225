import Foundation

/// The encoder's JSON read back with `JSONSerialization`.
enum JSONValue {
    struct ParseFailure: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ json: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
    }

    /// A top-level array of objects, as every list document must be.
    static func objects(_ json: String) throws -> [[String: Any]] {
        guard let array = try parse(json) as? [[String: Any]] else {
            throw ParseFailure(description: "not an array of objects: \(json)")
        }
        return array
    }

    /// A top-level object.
    static func object(_ json: String) throws -> [String: Any] {
        guard let object = try parse(json) as? [String: Any] else {
            throw ParseFailure(description: "not an object: \(json)")
        }
        return object
    }

    static func isNull(_ value: Any?) -> Bool {
        value is NSNull
    }
}
