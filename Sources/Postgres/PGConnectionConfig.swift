/// How to reach a database: a libpq URL or conninfo string, plus keyword overrides.
///
/// Overrides are passed to libpq after the URL and win over what it says, so a caller can switch
/// the database or the role without taking the URL apart.
public struct PGConnectionConfig: Sendable, Hashable {
    public var url: String
    public var overrides: [String: String]

    public init(url: String, overrides: [String: String] = [:]) {
        self.url = url
        self.overrides = overrides
    }

    /// The same server, another database.
    public func database(_ name: String) -> PGConnectionConfig {
        var copy = self
        copy.overrides["dbname"] = name
        return copy
    }

    /// The same server and database, another login role.
    public func user(_ name: String) -> PGConnectionConfig {
        var copy = self
        copy.overrides["user"] = name
        return copy
    }
}
