/// What one event adds to the read models besides the report's row: a history entry, the
/// external ids it names, and whether it erases the reporter's words in earlier entries.
struct EventRows: Sendable {
    var history: HistoryRow?
    var externalIDs: [ExternalIDRow]
    /// Set by `PersonalDataErased`: earlier history entries holding the reporter's own words
    /// (comments, survey text, reasons) lose that text, as the report's state does.
    var erasesReporterWords: Bool

    static let none = EventRows(history: nil, externalIDs: [], erasesReporterWords: false)
}
