extension OutboundRequest {
    /// Refuses what would otherwise reach the wire mangled: C strings end at a NUL, and a line
    /// break in a header would let a value smuggle in headers of its own.
    func validate() throws(OutboundError) {
        guard !method.isEmpty, method.utf8.allSatisfy(Self.isTokenByte) else {
            throw OutboundError(kind: .invalidRequest, message: "the method is not an HTTP token")
        }
        let lowercasedURL = url.lowercased()
        guard lowercasedURL.hasPrefix("http://") || lowercasedURL.hasPrefix("https://") else {
            throw OutboundError(kind: .invalidRequest, message: "only absolute http:// and https:// URLs are sent")
        }
        guard url.utf8.allSatisfy({ $0 > 0x20 && $0 != 0x7F }) else {
            throw OutboundError(kind: .invalidRequest, message: "the URL contains a space or a control character")
        }
        for header in headers {
            guard !header.name.isEmpty, header.name.utf8.allSatisfy(Self.isTokenByte) else {
                throw OutboundError(kind: .invalidRequest, message: "a header name is not an HTTP token")
            }
            guard header.value.utf8.allSatisfy(Self.isFieldValueByte) else {
                throw OutboundError(
                    kind: .invalidRequest,
                    message: "the value of header \(header.name) contains a line break or a control character"
                )
            }
        }
        if method == "HEAD", !body.isEmpty {
            throw OutboundError(kind: .invalidRequest, message: "a HEAD request cannot carry a body")
        }
        try options.validate()
    }

    /// RFC 9110 `tchar`.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    /// RFC 9110 `field-content`: visible characters, spaces, tabs and non-ASCII bytes.
    static func isFieldValueByte(_ byte: UInt8) -> Bool {
        byte == 0x09 || (byte >= 0x20 && byte != 0x7F)
    }
}
