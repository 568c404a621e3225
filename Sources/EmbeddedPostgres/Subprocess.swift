import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One child process, run to completion with its standard output and error captured together.
///
/// Built on `posix_spawn`, not Foundation's `Process`: on Linux, `Process` learns that its child
/// exited through a socket the child inherits, and `pg_ctl start` hands that socket on to the
/// postmaster, which lives on; `waitUntilExit()` then never returns. Here the child inherits
/// nothing but /dev/null and the output pipe, and `waitpid` alone says when it is done.
///
/// `runBlocking()` is for code already on a `BlockingExecutor` thread; `run()` is the async form.
/// When `user` is set the command runs through `runuser -u <user> --`, because `initdb` and
/// `postgres` refuse to run as root.
struct Subprocess: Sendable {
    /// What a finished child left behind.
    struct Output: Sendable {
        /// The exit status, or 128 + the signal number when it was killed.
        let status: Int32
        /// Standard output and standard error, interleaved as written.
        let text: String

        var succeeded: Bool { status == 0 }

        /// The last `count` lines, for error messages that must stay short.
        func tail(_ count: Int = 20) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .suffix(count)
                .joined(separator: "\n")
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    let executable: URL
    let arguments: [String]
    var user: OSUser?
    var workingDirectory: URL?
    var environment: [String: String]

    init(
        _ executable: URL,
        _ arguments: [String],
        user: OSUser? = nil,
        workingDirectory: URL? = nil,
        environment: [String: String] = Subprocess.cleanEnvironment()
    ) {
        self.executable = executable
        self.arguments = arguments
        self.user = user
        self.workingDirectory = workingDirectory
        self.environment = environment
    }

    /// The environment without libpq's `PG*` variables: a developer's PGPORT or PGDATA must not
    /// redirect the tools away from the private cluster.
    static func cleanEnvironment(
        from base: [String: String] = ProcessInfo.processInfo.environment
    ) -> [String: String] {
        base.filter { !$0.key.hasPrefix("PG") }
    }

    /// The command line as the OS will see it, for debug logs (it never holds a secret).
    var commandLine: [String] {
        if let user {
            return [Subprocess.runuserPath ?? "/usr/sbin/runuser", "-u", user.name, "--", executable.path] + arguments
        }
        return [executable.path] + arguments
    }

    /// Where `runuser` lives on this machine, if anywhere.
    static let runuserPath: String? = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs the child and waits for it on the calling thread. Call only off the cooperative pool.
    func runBlocking() throws -> Output {
        let line = commandLine
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { throw launchError(line[0], errno) }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        // Close-on-exec on our ends: the child gets only the copies dup2'ed onto 1 and 2, so no
        // other child spawned meanwhile can hold the pipe open past our child's exit.
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)

        let pid: pid_t
        do {
            pid = try spawn(line, outputTo: writeEnd)
        } catch {
            close(readEnd)
            close(writeEnd)
            throw error
        }
        close(writeEnd)
        let data = Self.readToEnd(readEnd)
        close(readEnd)
        return Output(status: Self.wait(for: pid), text: String(decoding: data, as: UTF8.self))
    }

    /// Runs the child on a `BlockingExecutor` thread and returns when it has exited.
    func run() async throws -> Output {
        try await BlockingExecutor.run { try self.runBlocking() }
    }

    // MARK: - posix_spawn

    private func spawn(_ line: [String], outputTo writeEnd: Int32) throws -> pid_t {
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }

        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)
        if let workingDirectory {
            // The postgres user cannot always reach the caller's working directory (a checkout in
            // /root); tools that chdir back to it would then warn or fail.
            guard Self.addChangeDirectory(&actions, workingDirectory.path) == 0 else {
                throw EmbeddedPostgresError(.launchFailed, "cannot run \(line[0]) in \(workingDirectory.path)")
            }
        }

        // Default signal handling and an empty mask in the child: an ignored SIGPIPE or a mask
        // inherited from a Dispatch thread would otherwise reach the postmaster through pg_ctl.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGCHLD, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM] {
            sigaddset(&defaults, signal)
        }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var flags = Int32(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        #if canImport(Darwin)
        // Only the descriptors named in the file actions survive into the child.
        flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
        #else
        // Descriptors another library left inheritable must not leak into the server either.
        Self.addCloseFrom(&actions, 3)
        #endif
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = line.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }

        var pid = pid_t()
        let status = posix_spawn(&pid, line[0], &actions, &attributes, argv, envp)
        guard status == 0 else { throw launchError(line[0], status) }
        return pid
    }

    private func launchError(_ path: String, _ code: Int32) -> EmbeddedPostgresError {
        EmbeddedPostgresError(.launchFailed, "could not launch \(path): \(String(cString: strerror(code)))")
    }

    private static func readToEnd(_ fd: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count == 0 || errno != EINTR {
                return data
            }
        }
    }

    /// Reaps the child; returns its exit code, or 128 + the signal that killed it.
    private static func wait(for pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { return -1 }
        }
        // WIFEXITED/WEXITSTATUS/WTERMSIG are macros Swift cannot import; these are their bodies.
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    #if canImport(Darwin)
    private static func addChangeDirectory(
        _ actions: UnsafeMutablePointer<posix_spawn_file_actions_t?>, _ path: String
    ) -> Int32 {
        posix_spawn_file_actions_addchdir_np(actions, path)
    }
    #else
    private typealias AddChangeDirectory = @convention(c) (
        UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>
    ) -> Int32
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc's `_np` spawn actions are declared only under _GNU_SOURCE, which Swift's Glibc module
    /// does not define; they exist in every glibc since 2.34 (closefrom) and 2.29 (chdir), so they
    /// are looked up by name.
    private static func glibcFunction<T>(_ name: String, as type: T.Type) -> T? {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }

    private static func addChangeDirectory(
        _ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: String
    ) -> Int32 {
        guard let function = glibcFunction("posix_spawn_file_actions_addchdir_np", as: AddChangeDirectory.self)
        else { return ENOSYS }
        return function(actions, path)
    }

    private static func addCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ lowest: Int32) {
        // Without it (glibc older than 2.34) only our own descriptors are known to be close-on-exec.
        guard let function = glibcFunction("posix_spawn_file_actions_addclosefrom_np", as: AddCloseFrom.self)
        else { return }
        _ = function(actions, lowest)
    }
    #endif
}
