import Postgres

/// A json/jsonb result cell parsed where it lies in the result, without copying it first.
struct JSONCell: PGDecodable {
    /// nil when the cell is not valid JSON (the domain's decoder then reads the raw text).
    let value: JSONValue?

    init(pgText bytes: UnsafeBufferPointer<UInt8>) throws(PGError) {
        value = JSONParser.parse(bytes)
    }
}
