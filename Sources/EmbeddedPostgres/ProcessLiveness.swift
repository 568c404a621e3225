import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells whether a process id from a file (a lease, a `postmaster.pid`) still names the process that
/// wrote it, rather than a dead one or an unrelated process that reused the number.
enum ProcessLiveness {
    /// Whether a running process with this id exists. EPERM means it exists but belongs to another
    /// user.
    static func exists(_ pid: pid_t) -> Bool {
        // pid 0 and negative ids address process groups in kill(2): never "alive" for our purpose.
        guard isOccupied(pid) else { return false }
        // kill(2) also succeeds on a zombie. A crashed postmaster's parent is init, and an init that
        // is slow to reap (or a container's that never does) would make it look alive for ever.
        return !isZombie(pid)
    }

    /// Whether kill(2) still finds `pid`, zombies included: the test PostgreSQL itself applies to the
    /// pid in a `postmaster.pid` before it refuses to start.
    static func isOccupied(_ pid: pid_t) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// Whether `pid` has exited but not been reaped (state Z or X in `/proc/<pid>/stat`), on Linux.
    private static func isZombie(_ pid: pid_t) -> Bool {
        guard let fields = statFields(of: pid), let state = fields.first else { return false }
        return state == "Z" || state == "X"
    }

    /// The fields of `/proc/<pid>/stat` after the command name, starting with field 3 (the state).
    private static func statFields(of pid: pid_t) -> [Substring]? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")")
        else { return nil }
        // The command name in field 2 may hold spaces and parentheses; the fields after the last
        // ')' are plain numbers and letters.
        return stat[stat.index(after: close)...].split(separator: " ")
    }

    /// Whether `pid` is alive and, where the start time was recorded and can be read, the very process
    /// that recorded it (start times differ when the id was reused after a reboot or a wrap-around).
    static func isAlive(_ pid: pid_t, startTime: UInt64?) -> Bool {
        guard exists(pid) else { return false }
        guard let startTime, let current = self.startTime(of: pid) else { return true }
        return current == startTime
    }

    /// The process's start time in clock ticks since boot (field 22 of `/proc/<pid>/stat`), on Linux.
    static func startTime(of pid: pid_t) -> UInt64? {
        // Field 3 comes first, so field 22 is index 19.
        guard let fields = statFields(of: pid), fields.count > 19 else { return nil }
        return UInt64(fields[19])
    }

    /// Whether `pid`'s working directory is `directory`, or nil if this OS or our rights do not
    /// tell (no /proc, another user's process, a zombie). The postmaster and every server process
    /// chdir into their data directory, so this tells whose server process a pid is.
    ///
    /// Compared by device and inode, not by path: symlinks and spellings of the path cannot make a
    /// live postmaster look like someone else's, which would get its postmaster.pid removed.
    static func isWorking(in directory: URL, pid: pid_t) -> Bool? {
        guard let theirs = identity(of: "/proc/\(pid)/cwd"), let ours = identity(of: directory.path) else {
            return nil
        }
        return theirs == ours
    }

    /// The device and inode of the directory at `path` (following symlinks, as /proc's cwd is one).
    private static func identity(of path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    /// The short command name of `pid` on Linux (`postgres` for a postmaster).
    static func commandName(of pid: pid_t) -> String? {
        (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
