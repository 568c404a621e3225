import Foundation

/// One line of the story: who told whom what, in the sender's own words.
public struct TimelineEntry: Sendable, Hashable, Codable {
    public var at: Date
    /// The system that speaks, e.g. "Verbeterdebuurt" or "hub".
    public var from: String
    /// The system it speaks to, or a person ("Johan") for what an app shows.
    public var to: String
    /// What was said, quoted in the speaker's vocabulary: `status "INGEPLAND" (gepland_op 2026-11-25)`.
    public var text: String

    public init(at: Date = Date(), from: String, to: String, text: String) {
        self.at = at
        self.from = from
        self.to = to
        self.text = text
    }
}
