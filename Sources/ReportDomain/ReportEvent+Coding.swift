import struct Foundation.Data
import struct Foundation.Date
import class Foundation.JSONDecoder
import class Foundation.JSONEncoder

extension ReportEvent {
    /// The event's data as JSON bytes for the log's `data` column: snake_case keys, sorted so the
    /// same event always gives the same bytes (the log hashes them), absent values written as `null`.
    public func encodedData() throws(ReportError) -> Data {
        do {
            return try Self.makeEncoder().encode(payload)
        } catch {
            throw .invalidPayload(eventType: eventType, schemaVersion: schemaVersion, reason: "could not be encoded: \(error)")
        }
    }

    /// Reads an event back from what the log stores: its type, schema version and data bytes.
    public static func decode(eventType: String, schemaVersion: Int, data: Data) throws(ReportError) -> ReportEvent {
        let versions = allTypes.filter { $0.eventType == eventType }.map(\.schemaVersion)
        guard !versions.isEmpty else {
            throw .unknownEventType(eventType: eventType)
        }
        guard versions.contains(schemaVersion) else {
            throw .unsupportedSchemaVersion(eventType: eventType, schemaVersion: schemaVersion, supported: versions)
        }
        let result = readPayload(ReportEventType(eventType: eventType, schemaVersion: schemaVersion), from: data)
        switch result {
        case .success(let event):
            return event
        case .failure(let problem):
            throw .invalidPayload(eventType: eventType, schemaVersion: schemaVersion, reason: problem.reason)
        }
    }

    /// Kept out of the typed-throws `decode`: Swift 6.3 crashes lowering an opened existential
    /// inside a typed-throws function.
    private static func readPayload(_ type: ReportEventType, from data: Data) -> Result<ReportEvent, PayloadProblem> {
        guard let payloadType = payloadTypes.first(where: { $0.eventType == type.eventType && $0.schemaVersion == type.schemaVersion }) else {
            return .failure(PayloadProblem("no payload type for \(type)"))
        }
        do {
            return .success(try decodePayload(payloadType, from: data))
        } catch let DecodingError.keyNotFound(key, context) {
            return .failure(PayloadProblem("the field \(path(context.codingPath + [key])) is missing"))
        } catch let DecodingError.typeMismatch(type, context) {
            return .failure(PayloadProblem("the field \(path(context.codingPath)) is not a \(type)"))
        } catch let DecodingError.valueNotFound(type, context) {
            return .failure(PayloadProblem("the field \(path(context.codingPath)) is null but must be a \(type)"))
        } catch let DecodingError.dataCorrupted(context) {
            let subject = context.codingPath.isEmpty ? "the data" : "the field " + path(context.codingPath)
            return .failure(PayloadProblem("\(subject) is not valid: \(context.debugDescription)"))
        } catch {
            return .failure(PayloadProblem("\(error)"))
        }
    }

    /// A reason a payload could not be read, carried out of the untyped decoding world.
    private struct PayloadProblem: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    private static func decodePayload<Payload: ReportEventPayload>(_ type: Payload.Type, from data: Data) throws -> ReportEvent {
        try makeDecoder().decode(Payload.self, from: data).event
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    private static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(EventTimestamp.string(from: date))
        }
        return encoder
    }

    private static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = EventTimestamp.date(from: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 moment with a zone: \(text)")
            }
            return date
        }
        return decoder
    }
}
