import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The blocking operations on one cluster: create it, find its live postmaster, start, stop.
///
/// Every method blocks on child processes: call them on a `BlockingExecutor` thread, and only while
/// holding the `.hub/postgres.lock` flock, which is what keeps two hub processes from starting the
/// same cluster twice or stopping it under each other.
struct ClusterController: Sendable {
    let layout: ClusterLayout
    let binaries: PostgresBinaries
    let logger: Logger

    /// How long `pg_ctl` may wait for the server to come up or go down.
    static let serverTimeoutSeconds = 60

    /// Brings the cluster up, or finds it already up, and returns the state to remember.
    ///
    /// - Parameter remembered: the last state written for this `.hub`, whose port is reused while
    ///   it is free, so that URLs a developer copied keep working.
    func ensureRunning(remembered: ClusterState?) throws -> ClusterState {
        try ensureInitialised()
        if let pid = runningPostmaster() {
            let port = portFromPidFile() ?? remembered?.port ?? 5432
            try waitUntilReady(port: port)
            logger.info(
                "Joined the running embedded PostgreSQL",
                metadata: metadata(port: port).merging(["postgres.pid": "\(pid)"]) { $1 }
            )
            return ClusterState(port: port, clusterDirectory: layout.clusterDirectory.path)
        }
        try removeStaleFiles()
        var port: Int
        if let remembered, remembered.clusterDirectory == layout.clusterDirectory.path,
           LocalPort.isFree(remembered.port) {
            port = remembered.port
        } else {
            port = try LocalPort.pickFree()
        }
        // The port was free when we looked; another program can still take it before the postmaster
        // binds it. Then a fresh port is the cure, a few times at most.
        var attempt = 1
        while true {
            do {
                try startServer(port: port)
                break
            } catch let error as EmbeddedPostgresError where attempt < 3 && !LocalPort.isFree(port) {
                logger.warning(
                    "Port was taken while the embedded PostgreSQL started; trying another",
                    metadata: metadata(port: port).merging(["error.code": "\(error.code.rawValue)"]) { $1 }
                )
                port = try LocalPort.pickFree()
                attempt += 1
            }
        }
        return ClusterState(port: port, clusterDirectory: layout.clusterDirectory.path)
    }

    /// Runs `initdb` unless the data directory already holds a cluster.
    func ensureInitialised() throws {
        let data = layout.dataDirectory
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: data.appendingPathComponent("PG_VERSION").path) { return }
        if fileManager.fileExists(atPath: data.path) {
            // A data folder without PG_VERSION is what a killed initdb leaves. Moved aside, not
            // deleted: we never destroy files we did not make sure are ours to destroy.
            let aside = layout.clusterDirectory
                .appendingPathComponent("data.incomplete-\(Int(Date().timeIntervalSince1970))")
            logger.warning(
                "Moving aside a data directory without PG_VERSION",
                metadata: ["postgres.data": "\(data.path)", "postgres.moved_to": "\(aside.path)"]
            )
            do {
                try fileManager.moveItem(at: data, to: aside)
            } catch {
                throw EmbeddedPostgresError(
                    .initdbFailed, "cannot move aside the incomplete \(data.path)", underlying: error
                )
            }
        }
        var output = try initdb(locale: ["--locale=C.UTF-8"])
        if !output.succeeded, output.text.localizedCaseInsensitiveContains("locale") {
            // Minimal systems may lack C.UTF-8; the C locale sorts the same way for our needs.
            logger.notice("C.UTF-8 locale unavailable; initialising the cluster with --no-locale")
            output = try initdb(locale: ["--no-locale"])
        }
        guard output.succeeded else {
            throw EmbeddedPostgresError(
                .initdbFailed,
                "initdb exited with status \(output.status): \(output.tail())"
            )
        }
        try appendInclude()
        logger.notice("Initialised a new embedded PostgreSQL cluster", metadata: ["postgres.data": "\(data.path)"])
    }

    private func initdb(locale: [String]) throws -> Subprocess.Output {
        try tool(binaries.initdb, [
            "--pgdata=\(layout.dataDirectory.path)",
            "--auth=trust",
            "--username=postgres",
            "--encoding=UTF8",
            "--no-instructions",
        ] + locale).runBlocking()
    }

    /// Makes `postgresql.conf` read `hub.conf`, which we rewrite before each start. A separate file
    /// keeps our settings apart from initdb's and avoids quoting paths through pg_ctl's shell command.
    private func appendInclude() throws {
        let conf = layout.dataDirectory.appendingPathComponent("postgresql.conf")
        let include = "\n# Written by the hub: port, sockets and sizes of this private cluster.\n"
            + "include_if_exists = 'hub.conf'\n"
        do {
            // Appending in place keeps the file's owner (postgres) even when we are root.
            let handle = try FileHandle(forWritingTo: conf)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(include.utf8))
        } catch {
            throw EmbeddedPostgresError(.initdbFailed, "cannot extend \(conf.path)", underlying: error)
        }
    }

    /// Writes `hub.conf` for `port`.
    ///
    /// fsync and synchronous_commit stay at their defaults on purpose: benchmarks against this cluster
    /// must pay the same durability cost as production.
    func writeSettings(port: Int) throws {
        let socketDirectories = layout.socketDirectory.map { "\"\($0.path)\"" } ?? ""
        let settings: [(String, String)] = [
            ("listen_addresses", "127.0.0.1"),
            ("port", "\(port)"),
            ("unix_socket_directories", socketDirectories),
            ("max_connections", "200"),
            ("shared_buffers", "256MB"),
        ]
        let text = "# Rewritten by the hub before every start of this cluster; edits here are lost.\n"
            + settings.map { "\($0.0) = \(Self.quoted($0.1))" }.joined(separator: "\n") + "\n"
        let file = layout.dataDirectory.appendingPathComponent("hub.conf")
        do {
            try Data(text.utf8).write(to: file, options: .atomic)
        } catch {
            throw EmbeddedPostgresError(.startFailed, "cannot write \(file.path)", underlying: error)
        }
        if let owner = layout.owner {
            _ = chown(file.path, owner.uid, owner.gid)
        }
    }

    /// A postgresql.conf string literal: backslashes and single quotes escaped.
    static func quoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Starts the postmaster on `port` and waits until it accepts connections.
    func startServer(port: Int) throws {
        try writeSettings(port: port)
        let output = try tool(binaries.pgCtl, [
            "--pgdata=\(layout.dataDirectory.path)",
            "--log=\(layout.logFile.path)",
            "--wait", "--timeout=\(Self.serverTimeoutSeconds)", "--silent",
            "start",
        ]).runBlocking()
        guard output.succeeded else {
            throw EmbeddedPostgresError(
                .startFailed,
                "pg_ctl start exited with status \(output.status): \(output.tail(5))\n"
                    + "server log (\(layout.logFile.path)):\n\(logTail())"
            )
        }
        try waitUntilReady(port: port)
        logger.info("Started the embedded PostgreSQL", metadata: metadata(port: port))
    }

    /// Stops the postmaster of this data directory with a fast shutdown, if one runs.
    func stop() throws {
        guard runningPostmaster() != nil else { return }
        let output = try tool(binaries.pgCtl, [
            "--pgdata=\(layout.dataDirectory.path)",
            "--mode=fast", "--wait", "--timeout=\(Self.serverTimeoutSeconds)", "--silent",
            "stop",
        ]).runBlocking()
        guard output.succeeded else {
            throw EmbeddedPostgresError(
                .stopFailed,
                "pg_ctl stop exited with status \(output.status): \(output.tail(5))"
            )
        }
        logger.info("Stopped the embedded PostgreSQL", metadata: ["postgres.data": "\(layout.dataDirectory.path)"])
    }

    /// The pid of the postmaster serving this data directory, or nil if none is alive.
    ///
    /// `postmaster.pid` alone is not proof: after a crash or a reboot its pid may be dead or reused
    /// by an unrelated process. A postmaster's working directory is its data directory, so that is
    /// checked where /proc tells it, and otherwise its command name.
    func runningPostmaster() -> pid_t? {
        guard let lines = pidFileLines(), let first = lines.first, let raw = pid_t(first) else {
            return nil
        }
        // A negative pid marks a single-user backend: just as busy with the data directory.
        let pid = abs(raw)
        guard ProcessLiveness.exists(pid) else { return nil }
        if let isOurs = ProcessLiveness.isWorking(in: layout.dataDirectory, pid: pid) {
            return isOurs ? pid : nil
        }
        if let name = ProcessLiveness.commandName(of: pid) {
            return name == "postgres" || name == "postmaster" ? pid : nil
        }
        return pid
    }

    /// Polls `pg_isready` until the server accepts connections, for at most `timeout` seconds.
    func waitUntilReady(port: Int, timeout: TimeInterval = 30) throws {
        let host = layout.socketDirectory?.path ?? "127.0.0.1"
        let deadline = Date().addingTimeInterval(timeout)
        var last: Subprocess.Output?
        repeat {
            // As ourselves, not the owner: proves that the caller, who will connect, can reach it.
            let output = try Subprocess(binaries.pgIsReady, [
                "--host=\(host)", "--port=\(port)", "--username=postgres", "--dbname=postgres", "--timeout=5",
            ], workingDirectory: layout.clusterDirectory).runBlocking()
            if output.succeeded { return }
            last = output
            usleep(200_000)
        } while Date() < deadline
        throw EmbeddedPostgresError(
            .startFailed,
            "PostgreSQL on port \(port) did not accept connections within \(Int(timeout)) s "
                + "(pg_isready status \(last?.status ?? -1)); server log (\(layout.logFile.path)):\n\(logTail())"
        )
    }

    /// Clears what a crashed postmaster left behind, so that it cannot block the start.
    ///
    /// PostgreSQL refuses to start while the pid in `postmaster.pid` answers kill(2): after a crash
    /// that pid may be a zombie that init has not reaped yet, or reused by an unrelated process.
    /// Such a file goes, but only once no process is left working in the data directory, which is
    /// the very thing the file guards against. Where /proc cannot tell that, the file stays for
    /// PostgreSQL to judge. A file whose pid is gone stays too: PostgreSQL then overrides it itself,
    /// after its own shared-memory check. Socket lock files in our private socket folder always go:
    /// no postmaster of ours runs (the caller checked) and the flock keeps every other hub from
    /// starting one meanwhile.
    private func removeStaleFiles() throws {
        let processesChecked = try waitForOrphansToExit()
        let fileManager = FileManager.default
        let pidFile = layout.dataDirectory.appendingPathComponent("postmaster.pid")
        if processesChecked,
           let pid = pidFileLines()?.first.flatMap({ pid_t($0) }).map({ abs($0) }),
           ProcessLiveness.isOccupied(pid),
           Self.isSurelyNotServing(pid: pid, dataDirectory: layout.dataDirectory) {
            logger.warning(
                "Removing a postmaster.pid whose pid is no longer a postmaster of this data directory",
                metadata: ["postgres.data": "\(layout.dataDirectory.path)", "postgres.pid": "\(pid)"]
            )
            try? fileManager.removeItem(at: pidFile)
        }
        let run = layout.runDirectory
        for name in (try? fileManager.contentsOfDirectory(atPath: run.path)) ?? [] where name.hasPrefix(".s.PGSQL.") {
            try? fileManager.removeItem(at: run.appendingPathComponent(name))
        }
    }

    /// True only when we can tell: the pid works elsewhere, or it is a zombie (which has no working
    /// directory to read). A live process whose directory we cannot read keeps its claim.
    private static func isSurelyNotServing(pid: pid_t, dataDirectory: URL) -> Bool {
        switch ProcessLiveness.isWorking(in: dataDirectory, pid: pid) {
        case .some(let isHere): return !isHere
        case .none: return !ProcessLiveness.exists(pid)
        }
    }

    /// Server processes whose postmaster died notice it and exit within moments; starting a new
    /// postmaster beside them would risk the data, so wait a little, then refuse.
    ///
    /// - Returns: whether the processes could be checked at all (false without /proc).
    private func waitForOrphansToExit(timeout: TimeInterval = 10) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        guard var orphans = processesInDataDirectory() else { return false }
        while !orphans.isEmpty && Date() < deadline {
            usleep(100_000)
            orphans = processesInDataDirectory() ?? []
        }
        guard orphans.isEmpty else {
            throw EmbeddedPostgresError(
                .startFailed,
                "processes \(orphans.map(String.init).joined(separator: ", ")) still work in "
                    + "\(layout.dataDirectory.path) without a postmaster; stop them before starting the hub"
            )
        }
        return true
    }

    /// Live processes whose working directory is our data directory (every PostgreSQL server
    /// process chdirs there; a zombie has none), or nil where /proc does not tell.
    func processesInDataDirectory() -> [pid_t]? {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc"),
              entries.contains("self")
        else { return nil }
        return entries.compactMap { pid_t($0) }.filter { pid in
            ProcessLiveness.isWorking(in: layout.dataDirectory, pid: pid) == true
        }
    }

    private func pidFileLines() -> [String]? {
        let pidFile = layout.dataDirectory.appendingPathComponent("postmaster.pid")
        guard let text = try? String(contentsOf: pidFile, encoding: .utf8) else { return nil }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
    }

    /// The port the running postmaster wrote on line 4 of `postmaster.pid`.
    private func portFromPidFile() -> Int? {
        guard let lines = pidFileLines(), lines.count > 3 else { return nil }
        return Int(lines[3])
    }

    /// The last lines of the server log, for error messages (it holds no secrets: trust auth).
    func logTail(_ count: Int = 20) -> String {
        guard let text = try? String(contentsOf: layout.logFile, encoding: .utf8) else {
            return "(no server log)"
        }
        return Subprocess.Output(status: 0, text: text).tail(count)
    }

    /// A server program, run as the cluster's owner from its folder.
    private func tool(_ executable: URL, _ arguments: [String]) -> Subprocess {
        let command = Subprocess(
            executable, arguments, user: layout.owner, workingDirectory: layout.clusterDirectory
        )
        logger.debug("Running \(executable.lastPathComponent)", metadata: ["postgres.command": "\(command.commandLine)"])
        return command
    }

    private func metadata(port: Int) -> Logger.Metadata {
        ["postgres.port": "\(port)", "postgres.data": "\(layout.dataDirectory.path)"]
    }
}
