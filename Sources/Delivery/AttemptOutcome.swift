import Curl
import Foundation

/// What one attempt came to, by the Standard Webhooks rules: any 2xx is delivered; 410 means the
/// receiver wants no more (the endpoint is disabled, the delivery waits); anything else, and any
/// failure to get an answer, is tried again on the schedule, no sooner than a `Retry-After` asks.
enum AttemptOutcome: Sendable, Equatable {
    case delivered(status: Int, response: String)
    case gone(status: Int, response: String)
    case failed(status: Int?, error: String, retryAfter: Duration?)

    /// The most of a receiver's answer kept on the delivery record.
    static let responseLimit = 2048

    init(response: OutboundResponse, now: Date) {
        let text = Self.excerpt(response.body)
        switch response.status {
        case 200..<300:
            self = .delivered(status: response.status, response: text)
        case 410:
            self = .gone(status: 410, response: text)
        default:
            self = .failed(
                status: response.status, error: "the receiver answered \(response.status)",
                retryAfter: response.header("retry-after").flatMap { Self.retryAfter($0, now: now) })
        }
    }

    init(error: OutboundError) {
        self = .failed(status: nil, error: "\(error.kind.rawValue): \(error.message)", retryAfter: nil)
    }

    var succeeded: Bool {
        if case .delivered = self { return true }
        return false
    }

    /// The start of a body as text, invalid UTF-8 replaced: enough for an operator to see why.
    static func excerpt(_ body: [UInt8]) -> String {
        String(decoding: body.prefix(responseLimit), as: UTF8.self)
    }

    /// `Retry-After` as seconds or as an HTTP date (RFC 9110 §10.2.3); nil when it is neither.
    static func retryAfter(_ value: String, now: Date) -> Duration? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(text), seconds >= 0 { return .seconds(seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: text) else { return nil }
        return .seconds(max(0, Int(date.timeIntervalSince(now).rounded(.up))))
    }
}
