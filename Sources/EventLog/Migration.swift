import Crypto
import Foundation

/// One numbered SQL file of schemas/postgres (`NNNN_description.sql`).
public struct Migration: Sendable, Hashable {
    public var version: Int
    public var name: String
    public var sql: String

    /// Hex sha256 of the file, recorded when applied so that a later edit is noticed.
    public var checksum: String {
        SHA256.hash(data: Data(sql.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Reads every `NNNN_*.sql` of a folder, ordered by number.
    public static func load(from directory: URL) throws -> [Migration] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        let migrations = try names.compactMap { name -> Migration? in
            guard name.hasSuffix(".sql"), let underscore = name.firstIndex(of: "_"),
                let version = Int(name[..<underscore])
            else { return nil }
            let sql = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            return Migration(version: version, name: String(name.dropLast(4)), sql: sql)
        }.sorted { $0.version < $1.version }
        for (previous, next) in zip(migrations, migrations.dropFirst()) where previous.version == next.version {
            throw EventLogError(code: .migration, message: "two migrations have number \(next.version)")
        }
        return migrations
    }
}
