import Foundation

/// The first event of a stream whose hash chain does not hold.
public struct ChainBreak: Sendable, Hashable, CustomStringConvertible {
    public enum Reason: String, Sendable, Hashable {
        /// The stored hash is not sha256(previous hash ‖ content): the event or one before it changed.
        case hashMismatch = "hash mismatch"
        /// A stream version is missing or out of order: an event was removed or inserted.
        case versionGap = "version gap"
    }

    public var stream: String
    public var streamVersion: Int64
    public var position: Int64
    public var eventID: UUID
    public var reason: Reason

    public var description: String {
        "\(stream) version \(streamVersion) (event \(eventID.uuidString.lowercased()), position \(position)): \(reason.rawValue)"
    }
}
