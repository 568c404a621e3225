import class Foundation.JSONEncoder

extension JSONEncoder {
    /// How the read models write `ReportDocument` and `PublicReportDocument`: keys sorted, so the
    /// same state always gives the same bytes, and URLs' slashes left alone. The documents write
    /// their moments themselves (`Timestamp`), so no date strategy is needed.
    ///
    /// Shared: encoding only reads the options, and JSONEncoder is Sendable.
    static let documents: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
