import Foundation
@testable import EmbeddedPostgres

/// Runs SQL through the `psql` of the cluster's own version, the way a developer would check it.
enum Psql {
    /// Runs `sql` against `url` and returns psql's exit status and unaligned, tuples-only output.
    static func run(_ sql: String, url: String, binDirectory: URL) async throws -> Subprocess.Output {
        var environment = Subprocess.cleanEnvironment()
        // A stopped server must fail the check at once, not hang the test.
        environment["PGCONNECT_TIMEOUT"] = "5"
        return try await Subprocess(
            binDirectory.appendingPathComponent("psql"),
            ["-X", "-v", "ON_ERROR_STOP=1", "-tA", "-c", sql, url],
            workingDirectory: URL(fileURLWithPath: "/tmp"),
            environment: environment
        ).run()
    }

    /// The trimmed output of `sql`, or nil when psql failed (for instance: no server).
    static func answer(_ sql: String, lease: EmbeddedPostgresLease, url: String? = nil) async throws -> String? {
        let output = try await run(sql, url: url ?? lease.superuserURL, binDirectory: lease.binDirectory)
        return output.succeeded ? output.text.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }
}
