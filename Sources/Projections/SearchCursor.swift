import Foundation
import ReportDomain

/// Where the next page of a search starts, as an opaque string: after a (submitted_at, id) pair
/// for the newest-first order (stable while reports are added), or at an offset for the orders
/// by distance, similarity or relevance.
enum SearchCursor: Sendable, Hashable {
    case after(submittedAt: String, id: ReportID)
    case offset(Int)

    var encoded: String {
        let text = switch self {
        case .after(let submittedAt, let id): "k|\(submittedAt)|\(id)"
        case .offset(let offset): "o|\(offset)"
        }
        return Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    init(_ encoded: String) throws(ProjectionError) {
        var base64 = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard encoded.count <= 200, let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else {
            throw .invalidSearch("the cursor is not one a search returned")
        }
        let parts = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        switch (parts.first, parts.count) {
        case ("k", 3):
            guard PGTimestampText.isValid(parts[1]), let id = ReportID(parts[2]) else {
                throw .invalidSearch("the cursor is not one a search returned")
            }
            self = .after(submittedAt: parts[1], id: id)
        case ("o", 2):
            guard let offset = Int(parts[1]), offset >= 0 else { throw .invalidSearch("the cursor is not one a search returned") }
            self = .offset(offset)
        default:
            throw .invalidSearch("the cursor is not one a search returned")
        }
    }

    init(after submittedAt: String, id: ReportID) {
        self = .after(submittedAt: submittedAt, id: id)
    }
}

/// The server's timestamptz text (`2026-11-23 10:15:30.123456+00`), kept as text in cursors so
/// that a page boundary is exact to the microsecond.
enum PGTimestampText {
    static func isValid(_ text: String) -> Bool {
        text.count <= 40 && text.allSatisfy { $0.isASCII && ($0.isNumber || " -:.+T".contains($0)) }
    }
}
