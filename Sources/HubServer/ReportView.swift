import Foundation
import Projections

/// A report as the API answers it: which view the caller got, and the document of that view.
///
/// `internal`: everything; `internal_redacted`: everything but the reporter's personal data (a party
/// without a processing agreement); `reporter`: the public view plus what was recorded about the
/// reporter (rule 8); `public`: the public view.
struct ReportView: Encodable {
    var view: String
    var report: Document
    var reporter: ReportDocument.Reporter?
    var reporterToken: String?

    enum Document: Encodable {
        case full(ReportDocument)
        case shown(PublicReportDocument)

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .full(let document): try document.encode(to: encoder)
            case .shown(let document): try document.encode(to: encoder)
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case view, report, reporter
        case reporterToken = "reporter_token"
    }

    init(_ row: ProjectedReport, view: Caller.View, reporterToken: String? = nil) {
        self.reporterToken = reporterToken
        switch view {
        case .internal:
            self.view = "internal"
            report = .full(row.document)
        case .internalRedacted:
            self.view = "internal_redacted"
            report = .full(row.document.redacted())
        case .reporter:
            self.view = "reporter"
            report = .shown(row.publicDocument)
            reporter = row.document.reporter
        case .public:
            self.view = "public"
            report = .shown(row.publicDocument)
        }
    }
}
