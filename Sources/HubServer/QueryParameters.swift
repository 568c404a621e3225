import Foundation
import Hummingbird

/// Typed reads of the query string with 400s that name the parameter. An empty value counts as absent.
struct QueryParameters {
    let values: [String: [String]]

    init(_ request: Request) {
        var values: [String: [String]] = [:]
        for (key, value) in request.uri.queryParameters {
            values[String(key), default: []].append(String(value))
        }
        self.values = values
    }

    func string(_ name: String) -> String? {
        guard let value = values[name]?.last, !value.isEmpty else { return nil }
        return value
    }

    /// Every value, also of comma-separated lists (`status=open,closed`).
    func list(_ name: String) -> [String] {
        (values[name] ?? []).flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }

    func int(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw Problem.badRequest("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), but was \"\(text)\"", field: name)
        }
        return value
    }

    func int64(_ name: String) throws -> Int64? {
        guard let text = string(name) else { return nil }
        guard let value = Int64(text), value >= 0 else {
            throw Problem.badRequest("\(name) must be a whole number of 0 or more, but was \"\(text)\"", field: name)
        }
        return value
    }

    func double(_ name: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let text = string(name) else { return nil }
        guard let value = Double(text), value.isFinite, range.contains(value) else {
            throw Problem.badRequest("\(name) must be a number from \(range.lowerBound) to \(range.upperBound), but was \"\(text)\"", field: name)
        }
        return value
    }

    func date(_ name: String) throws -> Date? {
        guard let text = string(name) else { return nil }
        guard let date = ISO8601.parse(text) else {
            throw Problem.badRequest("\(name) must be an ISO 8601 date-time with a zone, such as 2026-11-23T00:00:00Z, but was \"\(text)\"", field: name)
        }
        return date
    }

    func bool(_ name: String) throws -> Bool? {
        guard let text = string(name) else { return nil }
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw Problem.badRequest("\(name) must be true or false, but was \"\(text)\"", field: name)
        }
    }
}
