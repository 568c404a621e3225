import struct Foundation.Data
import struct Foundation.Date
import class Foundation.JSONEncoder
import ReportDomain

/// A report's row of `hub.report_projection`, made from its state alone: the same function
/// for the live projector and the rebuild.
struct ReportRow: Sendable {
    var fold: ReportFold
    var publicReport: PublicReport
    var publicStatus: PublicStatus

    init(_ fold: ReportFold, policy: MunicipalityPolicy) {
        self.fold = fold
        // A merged report's own public status; the queries show its main report's instead.
        publicReport = PublicReport(fold.report, policy: policy.publicStatus)
        publicStatus = publicReport.status
    }

    /// The columns COPY writes, in `append(to:)`'s order (the search columns are generated).
    static let columns = """
        report_id, municipality, category, channel, status, public_status, public_label, open311_status, urgency, \
        description, latitude, longitude, address, postcode, assigned_party, assigned_party_name, assigned_department, \
        involved_parties, acknowledge_by, resolve_by, scheduled_for, main_report_id, duplicate_ids, \
        completion_photo_url, reporter_token_hash, submitted_at, updated_at, version, document, public_document
        """

    func append(to copy: inout CopyText) throws(ProjectionError) {
        let report = fold.report
        // The documents first, so that a failure leaves no half row behind.
        let document = try Self.json(ReportDocument(report, version: fold.version))
        let publicDocument = try Self.json(PublicReportDocument(publicReport))
        copy.uuid(report.id.uuid)
        copy.text(report.municipality.rawValue)
        copy.text(report.category.rawValue)
        copy.text(report.channel.rawValue)
        copy.text(report.status.rawValue)
        copy.text(publicStatus.kind.rawValue)
        copy.text(publicReport.statusLabel)
        copy.text(publicReport.open311Status.rawValue)
        copy.text(report.urgency.rawValue)
        copy.text(report.description)
        copy.double(report.location.latitude)
        copy.double(report.location.longitude)
        copy.text(report.location.address)
        copy.text(report.location.postcode)
        copy.text(report.currentParty?.id.rawValue)
        copy.text(report.currentParty?.displayName)
        if case .department(let department) = report.assignee {
            copy.text(department.code)
        } else {
            copy.null()
        }
        copy.array(report.involvedParties.map(\.rawValue))
        copy.timestamp(report.serviceLevel.acknowledgeBy)
        copy.timestamp(report.serviceLevel.resolveBy)
        copy.timestamp(report.scheduledFor)
        copy.uuid(report.mainReportID?.uuid)
        copy.array(report.duplicateIDs.map(\.description))
        copy.text(report.completion?.photoURL)
        copy.text(fold.reporterTokenHash)
        copy.timestamp(report.submittedAt)
        copy.timestamp(report.updatedAt)
        copy.int(fold.version)
        copy.json(document)
        copy.json(publicDocument)
        copy.endRow()
    }

    private static func json(_ document: some Encodable) throws(ProjectionError) -> Data {
        do {
            return try JSONEncoder.documents.encode(document)
        } catch {
            throw ProjectionError(code: .documentEncoding, message: "a report's document could not be written as JSON")
        }
    }
}
