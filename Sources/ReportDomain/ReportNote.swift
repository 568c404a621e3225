import struct Foundation.Date

/// A note written on a report at a moment, either for the public or for internal use only.
public struct ReportNote: Hashable, Sendable {
    /// When the note was written.
    public let at: Date
    /// The note itself.
    public let text: String
}
