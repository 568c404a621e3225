#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// TCP ports on 127.0.0.1: whether one is free, and a free one chosen by the kernel.
enum LocalPort {
    /// Whether a listener could bind `port` on 127.0.0.1 now.
    ///
    /// Uses SO_REUSEADDR like the postmaster does, so that connections of an earlier server still in
    /// TIME_WAIT do not make a port look taken that PostgreSQL could in fact use.
    static func isFree(_ port: Int) -> Bool {
        guard (1...65_535).contains(port) else { return false }
        return bind(port: port) != nil
    }

    /// A port that was free a moment ago. Another program may still take it before the server does;
    /// the caller retries with a new one if the start fails on it.
    static func pickFree() throws -> Int {
        guard let port = bind(port: 0) else {
            throw EmbeddedPostgresError(
                .startFailed,
                "cannot bind any TCP port on 127.0.0.1: \(String(cString: strerror(errno)))"
            )
        }
        return port
    }

    /// Binds and closes a socket on 127.0.0.1:`port`; returns the bound port, or nil if bind failed.
    private static func bind(port: Int) -> Int? {
        #if canImport(Darwin)
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #else
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var yes: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))

        var address = sockaddr_in()
        #if canImport(Darwin)
        address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                #if canImport(Darwin)
                Darwin.bind(fd, $0, length)
                #elseif canImport(Musl)
                Musl.bind(fd, $0, length)
                #else
                Glibc.bind(fd, $0, length)
                #endif
            }
        }
        guard bound == 0 else { return nil }

        var actual = sockaddr_in()
        var actualLength = length
        let named = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &actualLength) }
        }
        guard named == 0 else { return nil }
        return Int(UInt16(bigEndian: actual.sin_port))
    }
}
