import Foundation
import HubConfig
import ReportDomain

/// The token a reporter gets at submission: `rpt_<report id>_<secret>`. It names its report, so
/// checking it is one read of the report's first event, whose metadata holds the token's sha256.
public struct ReporterToken: Sendable, Hashable {
    public let reportID: ReportID
    public let text: String

    /// A fresh token for a new report.
    public static func issue(for reportID: ReportID) -> ReporterToken {
        let secret = APIKeySecret.generate().dropFirst("hub_".count)
        return ReporterToken(reportID: reportID, text: "rpt_\(reportID)_\(secret)")
    }

    /// Reads a presented token; `nil` when it is not one.
    public init?(_ text: String) {
        let parts = text.split(separator: "_", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "rpt", let id = ReportID(String(parts[1])), parts[2].count >= 20 else { return nil }
        self.reportID = id
        self.text = text
    }

    private init(reportID: ReportID, text: String) {
        self.reportID = reportID
        self.text = text
    }

    /// What the log stores.
    public var sha256: String { APIKeySecret.hash(text) }
}
