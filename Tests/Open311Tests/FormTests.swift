import Open311
import Testing

@Suite("Form and query string decoding")
struct FormTests {
    @Test("Percent-decoding, + as space, and an encoded + stays a plus")
    func decoding() throws {
        let form = try Open311Form(urlEncoded: "a=1&b=hello+world&c=%2B%26%3D%25&naam=Caf%C3%A9+%F0%9F%97%91")
        #expect(form.value("a") == "1")
        #expect(form.value("b") == "hello world")
        #expect(form.value("c") == "+&=%")
        #expect(form.value("naam") == "Café 🗑")
    }

    @Test("Raw UTF-8 bytes are accepted as sent")
    func rawUTF8() throws {
        let form = try Open311Form(urlEncoded: Array("straat=Ærøweg&x=ü".utf8))
        #expect(form.value("straat") == "Ærøweg")
        #expect(form.value("x") == "ü")
    }

    @Test("Repeated keys keep every value in order; a leading ? and empty segments are ignored")
    func repeatedKeys() throws {
        let form = try Open311Form(urlEncoded: "?k=1&&k=2&k=&flag&k=3")
        #expect(form.values("k") == ["1", "2", "3"])
        #expect(form.value("k") == "1")
        #expect(form.parameters.count == 5)
        #expect(form.parameters.map(\.name) == ["k", "k", "k", "flag", "k"])
    }

    @Test("An empty parameter counts as absent")
    func emptyIsAbsent() throws {
        let form = try Open311Form(urlEncoded: "a=&b=2&c")
        #expect(form.value("a") == nil)
        #expect(!form.contains("a"))
        #expect(!form.contains("c"))
        #expect(form.values("a").isEmpty)
        #expect(form.contains("b"))
    }

    @Test("Malformed percent-encoding is a 400 naming the parameter", arguments: [
        "description=100%", "description=%zz", "description=%4", "description=abc%G1",
    ])
    func badPercent(body: String) {
        #expect {
            try Open311Form(urlEncoded: body)
        } throws: { error in
            guard let errors = error as? Open311Errors, let first = errors.errors.first else { return false }
            return errors.httpStatus == 400 && first.field == "description"
                && first.description.contains("description") && first.description.contains("percent")
        }
    }

    @Test("A malformed name is reported by its position")
    func badName() {
        #expect {
            try Open311Form(urlEncoded: "a=1&b%=2")
        } throws: { error in
            (error as? Open311Errors)?.errors.first?.description.contains("parameter 2") == true
        }
    }

    @Test("Invalid UTF-8 is a 400, not a crash or a replacement character", arguments: [
        [UInt8]("a=%C3%28".utf8), [UInt8]("a=%C0%AF".utf8), [UInt8]("a=%ED%A0%80".utf8), [UInt8]("a=%E2%82".utf8),
        [0x61, 0x3D, 0xFF], [0x61, 0x3D, 0xC3],
    ])
    func invalidUTF8(bytes: [UInt8]) {
        #expect {
            try Open311Form(urlEncoded: bytes)
        } throws: { error in
            (error as? Open311Errors)?.errors.first?.description.contains("UTF-8") == true
        }
    }

    @Test("A NUL character is refused")
    func nul() {
        #expect(throws: Open311Errors.self) { try Open311Form(urlEncoded: "description=a%00b") }
    }

    @Test("Every bad parameter is reported at once")
    func severalErrors() {
        #expect {
            try Open311Form(urlEncoded: "a=%zz&b=ok&c=%FF")
        } throws: { error in
            (error as? Open311Errors)?.errors.compactMap(\.field) == ["a", "c"]
        }
    }

    @Test("Attributes: attribute[code]=v, attribute[code][]=v repeated, names percent-encoded, empty values absent")
    func attributes() throws {
        let form = try Open311Form(urlEncoded:
            "attribute%5BWHISPAWN%5D=123456&attribute[kleur][]=rood&attribute[kleur][]=blauw&attribute%5Bkleur%5D%5B%5D=groen"
            + "&attribute[maat]=groot&attribute[leeg]=&attribute[ook_leeg][]=")
        let attributes = try form.attributes()
        #expect(attributes["WHISPAWN"] == ["123456"])
        #expect(attributes["kleur"] == ["rood", "blauw", "groen"])
        #expect(attributes["maat"] == ["groot"])
        #expect(attributes["leeg"] == nil && attributes["ook_leeg"] == nil)
        #expect(attributes.count == 3)
    }

    @Test("A malformed attribute name is a 400 naming it", arguments: [
        "attribute[kleur=rood", "attribute[]=x", "attribute[a][b]=x", "attribute=x", "attribute[a]x=1", "attribute[a][=1",
    ])
    func malformedAttribute(body: String) throws {
        let form = try Open311Form(urlEncoded: body)
        #expect {
            try form.attributes()
        } throws: { error in
            guard let first = (error as? Open311Errors)?.errors.first else { return false }
            return first.code == 400 && first.description.contains("attribute[code]")
        }
    }
}
