import Crypto
import Foundation

/// Making and hashing API keys. Keys are 32 random bytes, so an unsalted sha256 is enough to
/// store them: nobody can guess a preimage, and a lookup by hash stays one dictionary access.
public enum APIKeySecret {
    /// A new key: `hub_` and 43 base64url characters.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let text = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return "hub_" + text
    }

    /// The lower-case hex sha256 the configuration stores for a key.
    public static func hash(_ key: String) -> String {
        SHA256.hash(data: Array(key.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
