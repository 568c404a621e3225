import CLibPQ
import Foundation

/// One libpq connection. Owns its `PGconn*` and frees it exactly once.
///
/// Every method blocks on the network: call them only from a thread that may block (the pool's
/// thread pool or a dedicated thread), never from Swift's cooperative pool.
public final class PGConnection: @unchecked Sendable {
    // @unchecked Sendable: a connection is confined. PGPool lends it to one borrower at a time
    // and runs that borrower's closure on one thread-pool thread; PGListener keeps its own on
    // its own thread. The mutable state (the handle's libpq state, `preparedStatements`) is
    // therefore never touched by two threads at once.
    let handle: OpaquePointer
    /// The server's process id for this session (for pg_terminate_backend in tests and
    /// operations, and `PGPool.isOwnSession`). Kept from the connect: libpq answers 0 once the
    /// connection is broken, and a pool forgetting a broken session still needs its id.
    public let backendPID: Int32
    private var preparedStatements: [String: String] = [:]

    /// Connects with a libpq URL (`postgresql://…`) or a conninfo string (`host=… dbname=…`).
    public convenience init(url: String) throws(PGError) {
        try self.init(config: PGConnectionConfig(url: url))
    }

    public init(config: PGConnectionConfig) throws(PGError) {
        // application_name and client_encoding come first so that the URL can override them;
        // the overrides come last so that they override the URL.
        let overrides = config.overrides.sorted { $0.key < $1.key }
        let keywords = ["application_name", "client_encoding", "dbname"] + overrides.map(\.key)
        let values = ["hub", "UTF8", config.url] + overrides.map(\.value)
        let handle: OpaquePointer? = keywords.withCStrings { keywordPointers in
            values.withCStrings { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let handle else { throw PGError(code: .client, serverMessage: "out of memory") }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(handle))
            PQfinish(handle)
            throw PGError(code: .connectionFailed, serverMessage: message)
        }
        self.handle = handle
        self.backendPID = PQbackendPID(handle)
        // libpq prints NOTICEs ("relation already exists, skipping") to stderr by default; the
        // hub's output is its own, and a notice is never an error.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        // Timestamps are parsed and printed in one fixed form (see PGTimestamp).
        try execute("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'iso_8601'")
    }

    deinit {
        PQfinish(handle)
    }

    /// Whether the connection is still usable, learnt without blocking.
    ///
    /// An idle session's socket is only readable when the server said something unasked: a
    /// notice, a notification, or its goodbye before closing (restart, pg_terminate_backend).
    /// Reading until the socket is quiet lets libpq see the end of the stream, if it came.
    public var isHealthy: Bool {
        var rounds = 0
        while PQstatus(handle) == CONNECTION_OK, rounds < 8 {
            var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 0) > 0 else { break }
            if PQconsumeInput(handle) == 0 { break }
            rounds += 1
        }
        return PQstatus(handle) == CONNECTION_OK && PQtransactionStatus(handle) == PQTRANS_IDLE
    }

    /// Runs one statement with bind parameters (extended protocol) and returns its rows.
    @discardableResult
    public func query(_ query: PGQuery) throws(PGError) -> PGResult {
        let result: OpaquePointer?
        if query.isPrepared {
            let name = try preparedName(for: query.sql)
            result = query.binds.withCParameters { count, values, lengths, formats in
                PQexecPrepared(handle, name, count, values, lengths, formats, 0)
            }
        } else {
            result = query.binds.withCParameters { count, values, lengths, formats in
                PQexecParams(handle, query.sql, count, nil, values, lengths, formats, 0)
            }
        }
        return try check(result)
    }

    /// Runs one or more statements without parameters (simple protocol): migrations, SET, LISTEN.
    public func execute(_ sql: String) throws(PGError) {
        var result = PQexec(handle, sql)
        // The simple protocol returns one result per statement; the last error wins.
        var firstError: PGError?
        while let current = result {
            let status = PQresultStatus(current)
            if status == PGRES_FATAL_ERROR || status == PGRES_NONFATAL_ERROR, firstError == nil {
                firstError = error(from: current)
            }
            PQclear(current)
            result = PQgetResult(handle)
        }
        if let firstError { throw firstError }
        if PQstatus(handle) != CONNECTION_OK { throw connectionError() }
    }

    /// How a transaction starts.
    public enum TransactionMode: String, Sendable {
        /// The server's default (read committed): each statement sees what committed before it.
        case readWrite = "BEGIN"
        /// One snapshot for every statement, and no writes: for reads that must agree.
        case readOnlySnapshot = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
    }

    /// Runs `body` inside BEGIN … COMMIT; rolls back when it throws.
    public func transaction<T>(_ mode: TransactionMode = .readWrite, _ body: (PGConnection) throws -> T) throws -> T {
        try execute(mode.rawValue)
        do {
            let value = try body(self)
            try execute("COMMIT")
            return value
        } catch {
            if PQstatus(handle) == CONNECTION_OK { try? execute("ROLLBACK") }
            throw error
        }
    }

    func preparedName(for sql: String) throws(PGError) -> String {
        if let name = preparedStatements[sql] { return name }
        let name = "hub_\(preparedStatements.count + 1)"
        _ = try check(PQprepare(handle, name, sql, 0, nil))
        preparedStatements[sql] = name
        return name
    }

    /// Turns a libpq result into a PGResult, or throws its error. Takes ownership of `result`.
    func check(_ result: OpaquePointer?) throws(PGError) -> PGResult {
        guard let result else { throw connectionError() }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_SINGLE_TUPLE, PGRES_EMPTY_QUERY:
            return PGResult(taking: result)
        default:
            let failure = error(from: result)
            PQclear(result)
            throw failure
        }
    }

    func error(from result: OpaquePointer) -> PGError {
        func field(_ code: UInt8) -> String? {
            guard let pointer = PQresultErrorField(result, Int32(code)) else { return nil }
            return String(cString: pointer)
        }
        let sqlState = field(UInt8(ascii: "C"))
        var failure = PGError(
            code: .server, sqlState: sqlState, constraintName: field(UInt8(ascii: "n")),
            serverMessage: field(UInt8(ascii: "M")) ?? String(cString: PQresultErrorMessage(result)),
            serverDetail: field(UInt8(ascii: "D")))
        if sqlState == nil, PQstatus(handle) != CONNECTION_OK { failure.code = .connectionLost }
        if let sqlState, sqlState.hasPrefix("08") || sqlState.hasPrefix("57P") { failure.code = .connectionLost }
        return failure
    }

    func connectionError() -> PGError {
        let message = String(cString: PQerrorMessage(handle))
        return PGError(code: PQstatus(handle) == CONNECTION_OK ? .client : .connectionLost, serverMessage: message)
    }
}
