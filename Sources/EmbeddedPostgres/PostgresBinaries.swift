import Foundation

/// The PostgreSQL server programs the embedded cluster is run with.
struct PostgresBinaries: Sendable {
    /// The folder that holds `initdb`, `pg_ctl`, `pg_isready`, `postgres` and `psql`.
    let directory: URL

    var initdb: URL { directory.appendingPathComponent("initdb") }
    var pgCtl: URL { directory.appendingPathComponent("pg_ctl") }
    var pgIsReady: URL { directory.appendingPathComponent("pg_isready") }

    /// The programs a folder must hold to be usable.
    static let required = ["initdb", "pg_ctl", "pg_isready", "postgres"]

    /// Finds the server programs: `HUB_POSTGRES_BIN` if set, else the newest
    /// `/usr/lib/postgresql/<major>/bin` with `initdb`, else `pg_config --bindir`.
    ///
    /// An explicit `HUB_POSTGRES_BIN` that lacks a program is an error rather than a reason to look
    /// elsewhere: whoever set it expects that version to run.
    static func locate(
        environment: [String: String],
        debianRoot: URL = URL(fileURLWithPath: "/usr/lib/postgresql")
    ) throws -> PostgresBinaries {
        if let explicit = environment["HUB_POSTGRES_BIN"], !explicit.isEmpty {
            let directory = URL(fileURLWithPath: explicit, isDirectory: true)
            let missing = missingPrograms(in: directory)
            guard missing.isEmpty else {
                throw EmbeddedPostgresError(
                    .binariesNotFound,
                    "HUB_POSTGRES_BIN=\(explicit) lacks \(missing.joined(separator: ", ")); "
                        + "point it at a PostgreSQL server bin folder or run deploy/setup.sh"
                )
            }
            return PostgresBinaries(directory: directory)
        }
        if let debian = newestDebianBinDirectory(under: debianRoot) {
            return PostgresBinaries(directory: debian)
        }
        if let fromPgConfig = pgConfigBinDirectory(environment: environment),
           missingPrograms(in: fromPgConfig).isEmpty {
            return PostgresBinaries(directory: fromPgConfig)
        }
        throw EmbeddedPostgresError(
            .binariesNotFound,
            "PostgreSQL server programs (initdb, pg_ctl, postgres) not found in /usr/lib/postgresql/*/bin "
                + "nor via pg_config; run deploy/setup.sh, set HUB_POSTGRES_BIN, or set HUB_DATABASE_URL "
                + "to use an existing database"
        )
    }

    static func missingPrograms(in directory: URL) -> [String] {
        required.filter {
            !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent($0).path)
        }
    }

    /// The complete bin folder of the highest major version, compared as numbers (so 16 beats 9.6).
    static func newestDebianBinDirectory(under root: URL) -> URL? {
        guard let versions = try? FileManager.default.contentsOfDirectory(atPath: root.path) else {
            return nil
        }
        return versions
            .compactMap { name -> (version: [Int], bin: URL)? in
                let parts = name.split(separator: ".").map { Int($0) }
                guard !parts.isEmpty, !parts.contains(nil) else { return nil }
                let bin = root.appendingPathComponent(name).appendingPathComponent("bin")
                guard missingPrograms(in: bin).isEmpty else { return nil }
                return (parts.compactMap { $0 }, bin)
            }
            .max { $0.version.lexicographicallyPrecedes($1.version) }?
            .bin
    }

    private static func pgConfigBinDirectory(environment: [String: String]) -> URL? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        guard let pgConfig = path.split(separator: ":")
            .map({ URL(fileURLWithPath: String($0)).appendingPathComponent("pg_config") })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
        else { return nil }
        guard let output = try? Subprocess(pgConfig, ["--bindir"]).runBlocking(), output.succeeded else {
            return nil
        }
        let directory = output.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return directory.isEmpty ? nil : URL(fileURLWithPath: directory, isDirectory: true)
    }
}
