import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where one `.hub` folder keeps its cluster and its coordination files, and which OS user owns the
/// cluster.
///
/// ```
/// .hub/postgres.json    port + cluster folder (ClusterState)
/// .hub/postgres.lock    flock'ed while starting or stopping
/// .hub/leases/<pid>-…   one file per live lease
/// <cluster>/data        the data directory (initdb)
/// <cluster>/run         the unix socket directory
/// <cluster>/postgres.log
/// ```
/// `<cluster>` is `.hub/postgres`, unless the hub runs as root and the postgres user cannot reach
/// `.hub` (a checkout in root's 0700 home): then it is `/tmp/hub-pg-<hash of the .hub path>`.
struct ClusterLayout: Sendable {
    let hubDirectory: URL
    let clusterDirectory: URL
    /// The account that owns the cluster and runs `initdb`/`postgres`, when it is not this process's
    /// own (we are root). Nil when the tools run as ourselves.
    let owner: OSUser?

    var stateFile: URL { hubDirectory.appendingPathComponent("postgres.json") }
    var lockFile: URL { hubDirectory.appendingPathComponent("postgres.lock") }
    var leasesDirectory: URL { hubDirectory.appendingPathComponent("leases", isDirectory: true) }
    var dataDirectory: URL { clusterDirectory.appendingPathComponent("data", isDirectory: true) }
    var runDirectory: URL { clusterDirectory.appendingPathComponent("run", isDirectory: true) }
    var logFile: URL { clusterDirectory.appendingPathComponent("postgres.log") }

    /// The unix socket directory, or nil when its path is too long for a socket address
    /// (sun_path holds 104 bytes on macOS, 108 on Linux); the server then listens on TCP only.
    var socketDirectory: URL? {
        runDirectory.path.utf8.count + "/.s.PGSQL.65535".utf8.count < 104 ? runDirectory : nil
    }

    /// Picks the layout for `hubDirectory`: the remembered cluster folder if it still exists, else
    /// the default one for who we are and what the postgres user can reach.
    static func resolve(
        hubDirectory: URL,
        remembered: ClusterState?,
        logger: Logger
    ) throws -> ClusterLayout {
        let owner = try clusterOwner()
        var isDirectory: ObjCBool = false
        if let remembered,
           FileManager.default.fileExists(atPath: remembered.clusterDirectory, isDirectory: &isDirectory),
           isDirectory.boolValue {
            return ClusterLayout(
                hubDirectory: hubDirectory,
                clusterDirectory: URL(fileURLWithPath: remembered.clusterDirectory, isDirectory: true),
                owner: owner
            )
        }
        let inside = hubDirectory.appendingPathComponent("postgres", isDirectory: true)
        guard let owner, !canReach(hubDirectory, as: owner) else {
            return ClusterLayout(hubDirectory: hubDirectory, clusterDirectory: inside, owner: owner)
        }
        // Not $TMPDIR: it may be private to root, and the postgres user must reach this folder.
        let outside = URL(fileURLWithPath: "/tmp", isDirectory: true)
            .appendingPathComponent("hub-pg-\(shortHash(of: hubDirectory.path))", isDirectory: true)
        logger.notice(
            "The postgres user cannot reach the hub folder; keeping the cluster outside it",
            metadata: ["postgres.hub": "\(hubDirectory.path)", "postgres.cluster": "\(outside.path)"]
        )
        return ClusterLayout(hubDirectory: hubDirectory, clusterDirectory: outside, owner: owner)
    }

    /// The postgres account when we are root (initdb and postgres refuse root), else nil.
    static func clusterOwner() throws -> OSUser? {
        guard OSUser.isRoot else { return nil }
        guard let postgres = OSUser.named("postgres") else {
            throw EmbeddedPostgresError(
                .postgresUserUnavailable,
                "running as root, but there is no 'postgres' OS user to run the server as; "
                    + "run deploy/setup.sh (the postgresql package creates it) or run the hub as a normal user"
            )
        }
        guard Subprocess.runuserPath != nil else {
            throw EmbeddedPostgresError(
                .postgresUserUnavailable,
                "running as root, but 'runuser' (util-linux) is missing, so the server cannot run as 'postgres'"
            )
        }
        return postgres
    }

    /// Whether `user` may traverse every folder down to `directory`, asked of the kernel itself
    /// (modes, ACLs and mount options all count) by running `test -x` as that user.
    static func canReach(_ directory: URL, as user: OSUser) -> Bool {
        let test = Subprocess(
            URL(fileURLWithPath: "/usr/bin/env"), ["test", "-x", directory.path],
            user: user, workingDirectory: URL(fileURLWithPath: "/")
        )
        return (try? test.runBlocking())?.succeeded ?? false
    }

    /// FNV-1a, 48 bits in hex: short enough for a socket path, stable across runs and Swift versions
    /// (unlike `Hasher`, which is seeded per process).
    static func shortHash(of text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash & 0xFFFF_FFFF_FFFF, radix: 16)
        return String(repeating: "0", count: 12 - hex.count) + hex
    }

    /// Creates the cluster and socket folders (mode 0700, owned by the cluster's owner) and the lease
    /// folder, and refuses a cluster folder someone else prepared: under the world-writable /tmp a
    /// folder or symlink planted by another user must not become our data directory.
    func prepareDirectories() throws {
        do {
            try FileManager.default.createDirectory(at: leasesDirectory, withIntermediateDirectories: true)
        } catch {
            throw EmbeddedPostgresError(
                .directoryUnusable, "cannot create \(leasesDirectory.path)", underlying: error
            )
        }
        try makePrivateDirectory(clusterDirectory)
        try makePrivateDirectory(runDirectory)
    }

    private func makePrivateDirectory(_ url: URL) throws {
        let path = url.path
        let ownerUID = owner?.uid ?? geteuid()
        if mkdir(path, 0o700) == 0 {
            if let owner, chown(path, owner.uid, owner.gid) != 0 {
                throw failure("cannot give \(path) to \(owner.name)", errno)
            }
        } else if errno != EEXIST {
            throw failure("cannot create \(path)", errno)
        }
        var info = stat()
        guard lstat(path, &info) == 0 else { throw failure("cannot inspect \(path)", errno) }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw EmbeddedPostgresError(.directoryUnusable, "\(path) exists but is not a directory")
        }
        guard info.st_uid == ownerUID else {
            throw EmbeddedPostgresError(
                .directoryUnusable,
                "\(path) belongs to uid \(info.st_uid), not \(owner?.name ?? "uid \(ownerUID)"); "
                    + "was this .hub folder set up by another user? Run the hub as that user or remove the folder"
            )
        }
        if info.st_mode & 0o077 != 0, chmod(path, 0o700) != 0 {
            throw failure("cannot make \(path) private", errno)
        }
    }

    private func failure(_ message: String, _ code: Int32) -> EmbeddedPostgresError {
        EmbeddedPostgresError(.directoryUnusable, "\(message): \(String(cString: strerror(code)))")
    }
}
