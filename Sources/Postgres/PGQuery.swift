/// A statement with its bind parameters.
///
/// Built by string interpolation, every interpolated value becomes a `$n` parameter, so values
/// can never change the SQL. Raw SQL text can only be spliced in behind the explicit
/// `unescaped:` label, for identifiers the program itself chose.
public struct PGQuery: Sendable, Hashable, ExpressibleByStringInterpolation {
    public var sql: String
    public var binds: [PGData]
    /// Prepared once per connection and executed by name afterwards: for hot paths.
    public var isPrepared: Bool

    public init(sql: String, binds: [PGData] = [], prepared: Bool = false) {
        self.sql = sql
        self.binds = binds
        self.isPrepared = prepared
    }

    public init(stringLiteral value: String) {
        self.init(sql: value)
    }

    public init(stringInterpolation: StringInterpolation) {
        self.init(sql: stringInterpolation.sql, binds: stringInterpolation.binds)
    }

    /// The same statement, prepared per connection on first use.
    public func prepared() -> PGQuery {
        var copy = self
        copy.isPrepared = true
        return copy
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var binds: [PGData] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
            binds.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        public mutating func appendInterpolation(_ value: some PGEncodable) {
            binds.append(value.pgData)
            sql += "$\(binds.count)"
        }

        /// Splices SQL text in as it is. Only for text the program wrote, never for input.
        public mutating func appendInterpolation(unescaped text: String) {
            sql += text
        }
    }
}
