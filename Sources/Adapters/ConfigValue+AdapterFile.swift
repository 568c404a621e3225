import HubConfig
import Yams

/// The hub configuration's file:line:path reading, with its errors turned into adapter file issues.
extension ConfigValue {
    /// The value's line in the file (from 1).
    var line: Int? {
        node.mark?.line
    }

    func issue(_ message: String, severity: AdapterFileIssue.Severity = .error) -> AdapterFileIssue {
        AdapterFileIssue(severity: severity, file: source, line: line, path: path, message: message)
    }

    /// Runs one of HubConfig's readers and restates its error as an issue of this file.
    func reading<T>(_ read: (ConfigValue) throws(HubConfigError) -> T) throws(AdapterFileIssue) -> T {
        do {
            return try read(self)
        } catch {
            throw Self.issue(from: error)
        }
    }

    /// HubConfig writes the line into the message (`line 12: must be a list`); take it back out.
    static func issue(from error: HubConfigError) -> AdapterFileIssue {
        var message = Substring(error.message)
        var line: Int?
        if message.hasPrefix("line "), let colon = message.firstIndex(of: ":"),
           let number = Int(message[message.index(message.startIndex, offsetBy: 5)..<colon]) {
            line = number
            message = message[message.index(after: colon)...].drop(while: { $0 == " " })
        }
        return AdapterFileIssue(file: error.source, line: line, path: error.path, message: String(message))
    }

    func text() throws(AdapterFileIssue) -> String {
        try reading { value throws(HubConfigError) in try value.nonEmptyString() }
    }

    func flag() throws(AdapterFileIssue) -> Bool {
        try reading { value throws(HubConfigError) in try value.bool() }
    }

    func items() throws(AdapterFileIssue) -> [ConfigValue] {
        try reading { value throws(HubConfigError) in try value.list() }
    }

    func pairs() throws(AdapterFileIssue) -> [(key: String, value: ConfigValue)] {
        try reading { value throws(HubConfigError) in try value.entries() }
    }

    func child(_ key: String) -> ConfigValue? {
        optional(key)
    }

    func requiredChild(_ key: String) throws(AdapterFileIssue) -> ConfigValue {
        try reading { value throws(HubConfigError) in try value.required(key) }
    }

    /// A positive whole number.
    func count(in range: ClosedRange<Int>) throws(AdapterFileIssue) -> Int {
        let text = try text()
        guard let number = Int(text), range.contains(number) else {
            throw issue("must be a whole number from \(range.lowerBound) to \(range.upperBound), but was \"\(text)\"")
        }
        return number
    }

    /// `500ms`, `5s`, `5m`, `2h`, `1d`.
    func duration() throws(AdapterFileIssue) -> Duration {
        let text = try text()
        let units: [(suffix: String, milliseconds: Int64)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000)]
        for unit in units where text.hasSuffix(unit.suffix) {
            if let amount = Int64(text.dropLast(unit.suffix.count)), amount > 0 {
                return .milliseconds(amount * unit.milliseconds)
            }
        }
        throw issue("must be a positive whole number with a unit ms, s, m, h or d, such as 15s or 5m, but was \"\(text)\"")
    }

    /// An RFC 6901 JSON pointer such as `/work_order/id`.
    func jsonPointer() throws(AdapterFileIssue) -> String {
        let text = try reading { value throws(HubConfigError) in try value.string() }
        guard JSONPointer.isValid(text) else {
            throw issue("must be a JSON pointer (RFC 6901) such as /work_order/id, but was \"\(text)\"")
        }
        return text
    }
}
