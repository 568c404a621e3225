import EventLog
import ReportDomain

extension ExternalIDRow {
    /// The columns COPY writes, in `append(to:)`'s order.
    static let columns = "system, external_id, report_id, municipality, transaction_id, position"

    func append(to copy: inout CopyText) {
        copy.text(system)
        copy.text(externalID)
        copy.uuid(reportID.uuid)
        copy.text(municipality.rawValue)
        copy.unsigned(point.transactionID)
        copy.int(point.position)
        copy.endRow()
    }
}
