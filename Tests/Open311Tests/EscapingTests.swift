import Foundation
import Open311
import Testing

/// Text that XML and JSON must carry safely: markup characters, control characters, numbers.
@Suite("Escaping and numbers")
struct EscapingTests {
    let encoder = Open311Encoder()

    func serviceNamed(_ name: String) -> [Open311Service] {
        [Open311Service(serviceCode: "1", serviceName: name, metadata: false)]
    }

    @Test("Markup characters are escaped and read back unchanged", arguments: [
        #"Deksel <kapot> & "dicht" 'niet'"#,
        "]]> <![CDATA[ x ]]>",
        "&amp; is al geëscaped",
        "Straße, Ærø, 🗑️, 中文",
        "<script>alert('x')</script>",
    ])
    func markup(text: String) throws {
        let xml = encoder.encode(serviceNamed(text), as: .xml)
        #expect(!xml.contains("<script>"))
        let root = try XMLTree.parse(xml)
        #expect(root.child("service")?["service_name"] == text)
        let json = try JSONValue.objects(encoder.encode(serviceNamed(text), as: .json))
        #expect(json[0]["service_name"] as? String == text)
    }

    @Test("Characters XML 1.0 forbids are dropped; line breaks and tabs survive, a carriage return included")
    func forbiddenCharacters() throws {
        let text = "a\u{0}b\u{1}c\u{8}d\u{B}e\u{C}f\u{1F}g\u{FFFE}h\u{FFFF}i\tj\nk\r\nl"
        let xml = encoder.encode(serviceNamed(text), as: .xml)
        let root = try XMLTree.parse(xml)
        #expect(root.child("service")?["service_name"] == "abcdefghi\tj\nk\r\nl")
    }

    @Test("JSON escapes quotes, backslashes and control characters and keeps them")
    func jsonControlCharacters() throws {
        let text = "quote \" backslash \\ nul \u{0} bell \u{7} tab \t newline \n line separator \u{2028} slash /"
        let json = encoder.encode(serviceNamed(text), as: .json)
        #expect(!json.contains("\n"))
        #expect(json.contains(#"\u0000"#) && json.contains(#"\u2028"#))
        let parsed = try JSONValue.objects(json)
        #expect(parsed[0]["service_name"] as? String == text)
    }

    @Test("Coordinates are plain decimals that read back to the same Double", arguments: [
        (52.370216, 4.895168), (0.00001, -0.0000042), (-33.8688, 151.2093), (0, 0), (90, -180), (51.5, -0.1),
    ])
    func coordinates(latitude: Double, longitude: Double) throws {
        let request = [Open311ServiceRequest(serviceRequestID: "1", status: .open, serviceCode: "1",
                                             requestedDatetime: Date(timeIntervalSince1970: 0),
                                             latitude: latitude, longitude: longitude)]
        let xml = encoder.encode(request, as: .xml)
        let element = try #require(try XMLTree.parse(xml).child("request"))
        let latText = try #require(element["lat"])
        let longText = try #require(element["long"])
        #expect(!latText.contains("e") && !longText.contains("e"))
        #expect(Double(latText) == latitude)
        #expect(Double(longText) == longitude)
        let json = try JSONValue.objects(encoder.encode(request, as: .json))
        #expect((json[0]["lat"] as? NSNumber)?.doubleValue == latitude)
        #expect((json[0]["long"] as? NSNumber)?.doubleValue == longitude)
    }

    @Test("A coordinate that is not a number is left out rather than written as invalid JSON")
    func notFinite() throws {
        let request = [Open311ServiceRequest(serviceRequestID: "1", status: .open, serviceCode: "1",
                                             requestedDatetime: Date(timeIntervalSince1970: 0),
                                             latitude: .nan, longitude: 5)]
        let json = try JSONValue.objects(encoder.encode(request, as: .json))
        #expect(json[0]["lat"] == nil && json[0]["long"] == nil)
        #expect(try XMLTree.parse(encoder.encode(request, as: .xml)).child("request")?.child("lat") == nil)
    }
}
