import Foundation

/// What `.hub/postgres.json` remembers between hub processes: the cluster's port, and where its
/// folder is. The folder is the pointer that lets every hub of this `.hub` find a cluster that had
/// to live outside it (under `/tmp` when root's home is closed to the postgres user).
struct ClusterState: Codable, Sendable, Equatable {
    /// Bumped when the meaning of a field changes, so that an older hub can tell it should not guess.
    var version: Int = 1
    /// The TCP port on 127.0.0.1 the server listens on (also the number of its unix socket file).
    var port: Int
    /// The absolute path of the folder holding `data/`, `run/` and `postgres.log`.
    var clusterDirectory: String

    /// The remembered state, or nil if there is none yet or it cannot be parsed (then we start over
    /// with a new port and the default folder; a cluster already in that folder is reused).
    static func read(from url: URL) -> ClusterState? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(ClusterState.self, from: data)
    }

    /// Writes the state atomically, so a concurrent reader never sees half a file.
    func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try encoder.encode(self).write(to: url, options: .atomic)
        } catch {
            throw EmbeddedPostgresError(
                .coordinationFailed, "cannot write \(url.path)", underlying: error
            )
        }
    }
}
