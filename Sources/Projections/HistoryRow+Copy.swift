import EventLog
import ReportDomain

extension HistoryRow {
    /// The columns COPY writes, in `append(to:)`'s order.
    static let columns = """
        report_id, stream_version, municipality, transaction_id, position, occurred_at, recorded_at, event_type, \
        actor, summary, public_summary, public_note, internal_note, photo_url, reporter_words
        """

    func append(to copy: inout CopyText) {
        copy.uuid(reportID.uuid)
        copy.int(streamVersion)
        copy.text(municipality.rawValue)
        copy.unsigned(point.transactionID)
        copy.int(point.position)
        copy.timestamp(occurredAt)
        copy.timestamp(recordedAt)
        copy.text(eventType)
        copy.text(actor)
        copy.text(summary)
        copy.text(publicSummary)
        copy.text(publicNote)
        copy.text(internalNote)
        copy.text(photoURL)
        copy.bool(reporterWords)
        copy.endRow()
    }

    /// Removes the reporter's own words, as `PersonalDataErased` does to the report's state.
    mutating func eraseReporterWords() {
        guard reporterWords else { return }
        internalNote = nil
    }
}
