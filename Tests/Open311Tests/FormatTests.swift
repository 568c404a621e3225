import Open311
import Testing

@Suite("Formats")
struct FormatTests {
    @Test("The suffix chooses the format; the resource keeps its dots")
    func split() {
        #expect(Open311Format(path: "requests.xml") == .xml)
        #expect(Open311Format(path: "services.JSON") == .json)
        let split = Open311Format.split("services/a.b.json")
        #expect(split?.resource == "services/a.b" && split?.format == .json)
        #expect(Open311Format.split("requests/0363-42.xml")?.resource == "requests/0363-42")
    }

    @Test("No known suffix, no format", arguments: ["requests", ".xml", "requests.html", "requests.", "requests.xml.gz"])
    func noFormat(path: String) {
        #expect(Open311Format(path: path) == nil)
    }

    @Test("Content types and MIME types")
    func contentTypes() {
        #expect(Open311Format.xml.contentType == "text/xml; charset=utf-8")
        #expect(Open311Format.json.contentType == "application/json; charset=utf-8")
        #expect(Open311Format.xml.mimeType == "text/xml")
        #expect(Open311Format.json.mimeType == "application/json")
    }
}
