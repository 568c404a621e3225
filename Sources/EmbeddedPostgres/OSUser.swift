#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An operating-system account that the server processes run as when the hub itself runs as root.
struct OSUser: Sendable, Hashable {
    let name: String
    let uid: uid_t
    let gid: gid_t

    /// The account called `name`, or nil if there is none.
    static func named(_ name: String) -> OSUser? {
        // getpwnam_r, not getpwnam: several hub tasks may look users up at once.
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        let status = getpwnam_r(name, &entry, &buffer, buffer.count, &result)
        guard status == 0, result != nil else { return nil }
        return OSUser(name: name, uid: entry.pw_uid, gid: entry.pw_gid)
    }

    /// Whether this process runs with root's effective user id.
    static var isRoot: Bool { geteuid() == 0 }
}
