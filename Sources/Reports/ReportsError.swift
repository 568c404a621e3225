import ReportDomain

/// Errors of running commands on stored reports.
public enum ReportsError: Error, Sendable, CustomStringConvertible {
    case notFound(ReportID)

    public var code: String {
        switch self {
        case .notFound: "report.not_found"
        }
    }

    public var description: String {
        switch self {
        case .notFound(let id): "there is no report \(id)"
        }
    }
}
