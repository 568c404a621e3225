import EventLog
import Foundation

extension EventMetadata {
    /// Reads metadata as the log stores it, with the lenient rules of its Codable form, without
    /// JSONDecoder when the object is plain (as it always is when the hub wrote it).
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) throws -> EventMetadata {
        try read(parsed: JSONParser.parse(bytes), data: Array(bytes))
    }

    /// The metadata from JSON already parsed (nil when it is not JSON); `data` is read only when
    /// JSONDecoder has to decide.
    static func read(parsed: JSONValue?, data: @autoclosure () throws -> [UInt8]) throws -> EventMetadata {
        if let parsed, case .object = parsed, let metadata = metadata(parsed) {
            return metadata
        }
        return try JSONDecoder().decode(EventMetadata.self, from: Data(try data()))
    }

    private static func metadata(_ json: JSONValue) -> EventMetadata? {
        func optionalString(_ key: String) -> String?? {
            guard let value = json[key], !value.isNull else { return .some(nil) }
            return value.string.map { .some($0) }
        }
        guard let actor = optionalString("actor"), let correlation = optionalString("correlation_id"),
            let causation = optionalString("causation_id"), let tokenHash = optionalString("reporter_token_sha256")
        else { return nil }
        var externalIDs: [String: String] = [:]
        if let ids = json["external_ids"], !ids.isNull {
            guard case .object(let members) = ids else { return nil }
            for member in members {
                guard let id = member.value.string else { return nil }
                externalIDs[member.key] = id
            }
        }
        return EventMetadata(
            actor: actor ?? "unknown", correlationID: correlation, causationID: causation, externalIDs: externalIDs,
            reporterTokenHash: tokenHash)
    }
}
