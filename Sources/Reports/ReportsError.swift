import ReportDomain

/// Errors of running commands on stored reports.
public enum ReportsError: Error, Sendable, CustomStringConvertible {
    case notFound(ReportID)
    /// `handle(_:policy:)` was given steps about different reports (a programming error).
    case stepsOnSeveralReports

    public var code: String {
        switch self {
        case .notFound: "report.not_found"
        case .stepsOnSeveralReports: "report.steps_on_several_reports"
        }
    }

    public var description: String {
        switch self {
        case .notFound(let id): "there is no report \(id)"
        case .stepsOnSeveralReports: "the commands of one request must all be about one report"
        }
    }
}
