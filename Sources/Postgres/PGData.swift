/// One bind parameter as libpq sends it: bytes (or NULL) in text or binary format.
public struct PGData: Sendable, Hashable {
    /// The parameter's bytes; nil is SQL NULL.
    public var bytes: [UInt8]?
    /// 0 = text, 1 = binary (libpq's paramFormats).
    public var format: Int32

    public static let null = PGData(bytes: nil, format: 0)

    public init(bytes: [UInt8]?, format: Int32) {
        self.bytes = bytes
        self.format = format
    }

    /// A text-format parameter; the server parses it as the parameter's inferred type.
    public init(text: String) {
        self.bytes = Array(text.utf8)
        self.format = 0
    }
}
