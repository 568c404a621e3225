/// A municipality's code, e.g. the CBS code `GM0153` for Enschede.
///
/// Every event and every key carries it, so that the log can later be sharded by municipality.
public struct MunicipalityCode: DomainCode {
    /// The code as written.
    public let rawValue: String

    /// Wraps a code without checking it; `validated(_:)` checks it.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// A code that is 1–16 letters and digits, as every municipal code scheme in use is.
    public static func validated(_ text: String) throws(ReportError) -> MunicipalityCode {
        guard !text.isEmpty, text.count <= 16, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw .invalidField(field: "municipality", reason: "must be 1 to 16 letters or digits, such as GM0153, but was \"\(text)\"")
        }
        return MunicipalityCode(text)
    }
}
