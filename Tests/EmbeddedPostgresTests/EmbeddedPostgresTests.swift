import Foundation
import Testing
@testable import EmbeddedPostgres

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Real clusters from the installed server programs. Serialized: each test starts a server with
/// 256 MB of shared buffers, and two cores are enough for one at a time. A missing PostgreSQL makes
/// these tests fail, never skip.
@Suite(.serialized)
struct EmbeddedPostgresTests {
    @Test func serverProgramsAreInstalled() throws {
        // Fails with the message that says to run deploy/setup.sh.
        let binaries = try PostgresBinaries.locate(environment: ProcessInfo.processInfo.environment)
        #expect(PostgresBinaries.missingPrograms(in: binaries.directory).isEmpty)
    }

    @Test func startAnswersQueriesAndLastReleaseStops() async throws {
        try await withHub { hub in
            let lease = try await hub.embedded().start()

            #expect(try await Psql.answer("select 1", lease: lease) == "1")
            #expect(try await Psql.answer("select 1", lease: lease, url: lease.tcpSuperuserURL) == "1")
            #expect(ClusterState.read(from: hub.directory.appendingPathComponent("postgres.json"))?.port == lease.port)
            if OSUser.isRoot {
                // mkdtemp made the folder 0700, like root's home: the postgres user cannot reach it.
                #expect(lease.dataDirectory.path.hasPrefix("/tmp/hub-pg-"))
                #expect(hub.clusterDirectory?.path == lease.dataDirectory.deletingLastPathComponent().path)
            } else {
                #expect(lease.dataDirectory.path.hasPrefix(hub.directory.path))
            }

            try await lease.release()
            #expect(try await Psql.answer("select 1", lease: lease) == nil)
            try await lease.release() // idempotent
        }
    }

    @Test func reachableFolderKeepsTheClusterInside() async throws {
        // Spaces, quotes and '&' in the path: they must survive pg_ctl's shell, hub.conf and the URL.
        try await withHub(reachable: true, prefix: "hub test's & more-") { hub in
            let lease = try await hub.embedded().start()
            #expect(lease.dataDirectory.path == hub.directory.appendingPathComponent("postgres/data").path)
            #expect(try await Psql.answer("select current_user", lease: lease) == "postgres")
            try await lease.release()
        }
    }

    @Test func secondStartJoinsAndOnlyTheLastReleaseStops() async throws {
        try await withHub { hub in
            let first = try await hub.embedded().start()
            let postmaster = try postmasterPID(of: first)

            let second = try await hub.embedded().start()
            #expect(second.port == first.port)
            #expect(second.superuserURL == first.superuserURL)
            #expect(try postmasterPID(of: second) == postmaster, "a second postmaster was started")

            try await first.release()
            #expect(try await Psql.answer("select 2", lease: second) == "2", "the first release stopped the server")

            try await second.release()
            #expect(try await Psql.answer("select 1", lease: second) == nil, "the last release left the server running")
        }
    }

    @Test func restartKeepsPortAndData() async throws {
        try await withHub { hub in
            let lease = try await hub.embedded().start()
            let before = try postmasterPID(of: lease)
            #expect(try await Psql.answer("create table kept (n int); insert into kept values (42)", lease: lease) != nil)

            try await lease.restart()

            #expect(try postmasterPID(of: lease) != before, "restart() did not restart the server")
            #expect(try await Psql.answer("select n from kept", lease: lease) == "42")
            try await lease.release()
            await expectThrows(.leaseReleased) { try await lease.restart() }
        }
    }

    @Test func staleLeaseOfDeadProcessDoesNotKeepTheClusterAlive() async throws {
        try await withHub { hub in
            let lease = try await hub.embedded().start()
            let dead = try deadPID()
            let stale = hub.directory.appendingPathComponent("leases/\(dead)-stale")
            try Data("\(dead) 1\n".utf8).write(to: stale)

            try await lease.release()

            #expect(try await Psql.answer("select 1", lease: lease) == nil, "a dead process's lease kept the server up")
            #expect(!FileManager.default.fileExists(atPath: stale.path), "the stale lease file was not removed")
        }
    }

    @Test func leaseOfAnotherLiveProcessKeepsTheClusterUp() async throws {
        try await withHub { hub in
            let lease = try await hub.embedded().start()
            let postmaster = try postmasterPID(of: lease)
            // Another hub process, as far as the lease files can tell: a live pid with its start time.
            let other = Process()
            other.executableURL = URL(fileURLWithPath: "/bin/sleep")
            other.arguments = ["60"]
            try other.run()
            // SIGKILL, not terminate(): Foundation's children inherit the spawning thread's blocked
            // signals, SIGTERM among them, so terminate() would wait out the whole sleep.
            defer { if other.isRunning { kill(other.processIdentifier, SIGKILL) } }
            let pid = other.processIdentifier
            let startTime = try #require(ProcessLiveness.startTime(of: pid))
            try Data("\(pid) \(startTime)\n".utf8).write(to: hub.directory.appendingPathComponent("leases/\(pid)-other"))

            try await lease.release()
            #expect(try await Psql.answer("select 1", lease: lease) == "1", "stopped while another process held a lease")

            kill(pid, SIGKILL)
            other.waitUntilExit()
            let log = (try? String(contentsOf: lease.logFile, encoding: .utf8)) ?? ""
            #expect(try await Psql.answer("select 1", lease: lease) == "1", "server gone: \(log)")
            let last = try await hub.embedded().start()
            #expect(try postmasterPID(of: last) == postmaster)
            try await last.release()
            #expect(try await Psql.answer("select 1", lease: last) == nil)
        }
    }

    @Test func crashedPostmasterDoesNotBlockTheNextStart() async throws {
        try await withHub { hub in
            let crashed = try await hub.embedded().start()
            let postmaster = try postmasterPID(of: crashed)
            #expect(kill(postmaster, SIGKILL) == 0)
            while ProcessLiveness.exists(postmaster) { try await Task.sleep(for: .milliseconds(50)) }

            // postmaster.pid is left behind; start() must wait out the orphaned backends and start anew.
            let recovered = try await hub.embedded().start()
            #expect(try postmasterPID(of: recovered) != postmaster)
            #expect(try await Psql.answer("select 1", lease: recovered) == "1")

            try await crashed.release() // our process lives, so its lease file counted until now
            #expect(try await Psql.answer("select 1", lease: recovered) == "1")
            try await recovered.release()
            #expect(try await Psql.answer("select 1", lease: recovered) == nil)
        }
    }

    @Test func missingServerProgramsAreAClearError() async throws {
        try await withHub { hub in
            var environment = ProcessInfo.processInfo.environment
            environment["HUB_POSTGRES_BIN"] = hub.directory.path
            let error = await expectThrows(.binariesNotFound) { _ = try await hub.embedded(environment: environment).start() }
            #expect(error?.description.contains("deploy/setup.sh") == true)
        }
    }

    @Test func urlsEscapeSocketPathsAndDatabaseNames() {
        let url = EmbeddedPostgresLease.url(
            database: "my db", port: 5433, socketDirectory: URL(fileURLWithPath: "/tmp/a b&c/run")
        )
        #expect(url == "postgresql://postgres@/my%20db?host=/tmp/a%20b%26c/run&port=5433")
        #expect(EmbeddedPostgresLease.url(database: "postgres", port: 5433, socketDirectory: nil)
            == "postgresql://postgres@127.0.0.1:5433/postgres")
        #expect(ClusterController.quoted("it's a\\b") == "'it''s a\\\\b'")
        #expect(ClusterLayout.shortHash(of: "/root/hub/.hub") == ClusterLayout.shortHash(of: "/root/hub/.hub"))
        #expect(ClusterLayout.shortHash(of: "/root/hub/.hub").count == 12)
    }

    // MARK: - helpers

    /// Runs `body` with a fresh hub folder and always removes it and stops its server afterwards,
    /// also when the test failed half-way, so no postmaster outlives the test process.
    private func withHub(
        reachable: Bool = false,
        prefix: String = "hub-test-",
        _ body: (TemporaryHub) async throws -> Void
    ) async throws {
        let hub = try TemporaryHub.make(reachable: reachable, prefix: prefix)
        do {
            try await body(hub)
        } catch {
            await hub.cleanUp()
            throw error
        }
        await hub.cleanUp()
    }

    /// The postmaster's pid, from line 1 of postmaster.pid.
    private func postmasterPID(of lease: EmbeddedPostgresLease) throws -> pid_t {
        let text = try String(
            contentsOf: lease.dataDirectory.appendingPathComponent("postmaster.pid"), encoding: .utf8
        )
        return try #require(text.split(separator: "\n").first.flatMap { pid_t($0) })
    }

    /// The pid of a process that has exited and been reaped.
    private func deadPID() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @discardableResult
    private func expectThrows(
        _ code: EmbeddedPostgresError.Code,
        sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () async throws -> Void
    ) async -> EmbeddedPostgresError? {
        do {
            try await body()
            Issue.record("expected EmbeddedPostgresError.\(code.rawValue)", sourceLocation: sourceLocation)
        } catch let error as EmbeddedPostgresError {
            #expect(error.code == code, sourceLocation: sourceLocation)
            return error
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }
}
