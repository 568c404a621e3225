import Foundation
import ReportDomain
import Testing

/// The schema files in `schemas/events/` are the contract with every other system; they must say
/// exactly what the encoder writes.
@Suite("Event schemas agree with the encoder")
struct EventSchemaTests {
    /// `schemas/events` of the package, found by walking up from this file. Works from the real
    /// checkout and from a scratch package that links the folders in.
    static let schemaDirectory: URL? = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("schemas/events")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }()

    static func schema(for type: ReportEventType) throws -> [String: Any] {
        let directory = try #require(schemaDirectory, "no schemas/events above \(#filePath)")
        let file = directory.appendingPathComponent(type.schemaFileName)
        let data = try Data(contentsOf: file)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(file.path) is not a JSON object")
    }

    static func json(_ event: ReportEvent) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: event.encodedData()) as? [String: Any])
    }

    @Test("Every event type and version has its schema file", arguments: ReportEvent.allTypes)
    func fileExists(_ type: ReportEventType) throws {
        let schema = try Self.schema(for: type)
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["type"] as? String == "object")
    }

    @Test("No schema file without an event type")
    func noOrphanSchemas() throws {
        let directory = try #require(Self.schemaDirectory)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }
        let known = Set(ReportEvent.allTypes.map(\.schemaFileName))
        #expect(Set(files).subtracting(known).isEmpty, "schema files without an event type: \(Set(files).subtracting(known).sorted())")
        #expect(files.count == known.count)
    }

    @Test("Top-level keys are exactly the schema's properties, required keys are present, types match",
          arguments: SampleEvents.full + SampleEvents.sparse)
    func sampleMatchesSchema(_ event: ReportEvent) throws {
        let schema = try Self.schema(for: event.type)
        let json = try Self.json(event)
        let properties = try #require(schema["properties"] as? [String: [String: Any]])
        let required = Set(schema["required"] as? [String] ?? [])
        #expect(Set(json.keys) == Set(properties.keys), "\(event.eventType): keys differ from the schema's properties")
        #expect(required.isSubset(of: Set(json.keys)), "\(event.eventType): missing required \(required.subtracting(json.keys).sorted())")
        let checker = JSONSchemaChecker(root: schema)
        for (key, value) in json {
            guard let property = properties[key] else { continue }
            let allowed = try #require(checker.allowedTypes(property), "\(event.eventType).\(key) declares no type")
            let actual = JSONSchemaChecker.jsonType(of: value)
            #expect(allowed.contains(actual) || (actual == "integer" && allowed.contains("number")),
                    "\(event.eventType).\(key) is \(actual); schema allows \(allowed.sorted())")
        }
        // The nested values too: the whole document against the whole schema.
        #expect(checker.problems(json, against: schema) == [])
    }

    @Test("The checker itself tells booleans, integers, numbers and null apart")
    func checkerTypes() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(#"{"b":true,"i":1,"n":1.5,"z":null,"s":"x","f":false,"o":0}"#.utf8)) as? [String: Any])
        #expect(JSONSchemaChecker.jsonType(of: object["b"]!) == "boolean")
        #expect(JSONSchemaChecker.jsonType(of: object["f"]!) == "boolean")
        #expect(JSONSchemaChecker.jsonType(of: object["i"]!) == "integer")
        #expect(JSONSchemaChecker.jsonType(of: object["o"]!) == "integer")
        #expect(JSONSchemaChecker.jsonType(of: object["n"]!) == "number")
        #expect(JSONSchemaChecker.jsonType(of: object["z"]!) == "null")
        #expect(JSONSchemaChecker.jsonType(of: object["s"]!) == "string")
        let schema: [String: Any] = ["type": "object", "additionalProperties": false, "required": ["b"], "properties": ["b": ["type": "string"]]]
        #expect(JSONSchemaChecker(root: schema).problems(object, against: schema).count == 7)
    }
}
