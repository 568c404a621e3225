import struct Foundation.Date

/// An external party's report that the work is done, with the proof it sent (rule 11).
public struct WorkCompletion: Hashable, Sendable {
    /// The party that did the work.
    public let party: Party
    /// A photo of the fix, which reaches the reporter and stays in the file.
    public let photoURL: String?
    /// What the party says it did.
    public let note: String?
    /// When the party reported it done.
    public let at: Date
}
