import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock(2)` on a file, which serialises cluster start and stop between hub processes
/// of one folder and between tasks of one process (each call opens its own descriptor, and Linux
/// flock locks conflict between descriptors even within a process).
enum FileLock {
    /// Holds the lock on `url` (created if missing) while `body` runs. Blocks: call off the pool.
    ///
    /// Polls instead of blocking in flock so that a hung holder turns into an error after `timeout`
    /// rather than a hub that never starts.
    static func withExclusiveLock<T>(
        at url: URL,
        timeout: TimeInterval = 180,
        _ body: () throws -> T
    ) throws -> T {
        // O_CLOEXEC: a postmaster started while we hold the lock must not inherit it and keep it
        // for its whole life.
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw EmbeddedPostgresError(
                .coordinationFailed,
                "cannot open lock file \(url.path): \(String(cString: strerror(errno)))"
            )
        }
        defer { close(fd) }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let error = errno
            guard error == EWOULDBLOCK || error == EINTR else {
                throw EmbeddedPostgresError(
                    .coordinationFailed,
                    "cannot lock \(url.path): \(String(cString: strerror(error)))"
                )
            }
            guard Date() < deadline else {
                throw EmbeddedPostgresError(
                    .coordinationFailed,
                    "another hub process has held \(url.path) for over \(Int(timeout)) s"
                )
            }
            usleep(50_000)
        }
        // Closing the descriptor (deferred above) drops the lock, also when body throws.
        return try body()
    }
}
