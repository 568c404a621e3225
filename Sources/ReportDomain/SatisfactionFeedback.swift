import struct Foundation.Date

/// The reporter's answer to the satisfaction survey ("KTO", rule 14).
public struct SatisfactionFeedback: Hashable, Sendable {
    /// 1 (very dissatisfied) to 5 (very satisfied).
    public let score: Int
    /// Free text; removed when personal data is erased, because people write their names in it.
    public let text: String?
    /// When the reporter answered.
    public let at: Date
}
