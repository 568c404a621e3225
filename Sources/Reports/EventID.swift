import Crypto
import Foundation

/// Event ids derived from a caller's idempotency key: the same key and index give the same id,
/// so a retried request appends nothing new (the log is idempotent on event ids).
public enum EventID {
    /// A version-8 (custom) UUID from the first 16 bytes of sha256("hub.event" ‖ key ‖ index).
    public static func derived(from key: String, index: Int) -> UUID {
        var bytes = Array(SHA256.hash(data: Data("hub.event\u{0}\(key)\u{0}\(index)".utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
