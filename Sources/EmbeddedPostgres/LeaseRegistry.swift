import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The lease files under `.hub/leases/`: one per live lease, named `<pid>-<uuid>`, holding the pid
/// and that process's start time. The cluster keeps running while any lease of a live process exists.
///
/// Files of processes that died without releasing (a crash, a kill -9) are stale: they are removed
/// whenever the registry is read, so a crash never keeps the cluster alive for ever.
struct LeaseRegistry: Sendable {
    let directory: URL

    /// Creates a lease file for this process and returns its location.
    func register() throws -> URL {
        let pid = getpid()
        let file = directory.appendingPathComponent("\(pid)-\(UUID().uuidString.lowercased())")
        let start = ProcessLiveness.startTime(of: pid).map(String.init) ?? "-"
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data("\(pid) \(start)\n".utf8).write(to: file, options: .atomic)
        } catch {
            throw EmbeddedPostgresError(
                .coordinationFailed, "cannot write lease file in \(directory.path)", underlying: error
            )
        }
        return file
    }

    /// Removes a lease file; a file already gone is fine (release is idempotent).
    func remove(_ file: URL) {
        try? FileManager.default.removeItem(at: file)
    }

    /// The lease files of live processes, after deleting those of dead ones.
    func liveLeases() -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            return []
        }
        var live: [URL] = []
        for name in names {
            let file = directory.appendingPathComponent(name)
            if Self.isLive(file: file, name: name) {
                live.append(file)
            } else {
                try? FileManager.default.removeItem(at: file)
            }
        }
        return live
    }

    private static func isLive(file: URL, name: String) -> Bool {
        guard let pidText = name.split(separator: "-").first, let pid = pid_t(pidText) else {
            return false // not a lease file of ours: nothing should keep the cluster up on its account
        }
        let content = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let fields = content.split(whereSeparator: { $0 == " " || $0 == "\n" })
        let startTime = fields.count > 1 ? UInt64(fields[1]) : nil
        return ProcessLiveness.isAlive(pid, startTime: startTime)
    }
}
