import Foundation

extension AdapterCatalog {
    /// The same adapters, with the named systems found at other addresses: scheme, host and port
    /// are replaced, the path and query stay. How the demo and the end-to-end tests point the
    /// adapter files at simulators on 127.0.0.1 without changing a file.
    /// - Parameter baseURLs: `http://127.0.0.1:PORT` by adapter name; other adapters stay as they are.
    public func redirected(_ baseURLs: [String: String]) -> AdapterCatalog {
        AdapterCatalog(adapters: adapters.map { adapter in
            guard let base = baseURLs[adapter.name.rawValue] else { return adapter }
            var moved = adapter
            moved.outbound?.url = Self.move(adapter.outbound?.url ?? "", to: base)
            moved.outbound?.urls = adapter.outbound?.urls.mapValues { Self.move($0, to: base) } ?? [:]
            moved.polling?.url = Self.move(adapter.polling?.url ?? "", to: base)
            return moved
        })
    }

    /// `https://api.lichtpunt.example/v1/werkorders` to `http://127.0.0.1:9000/v1/werkorders`.
    static func move(_ url: String, to base: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let path = rest.firstIndex(where: { $0 == "/" || $0 == "?" }).map { String(rest[$0...]) } ?? ""
        return (base.hasSuffix("/") ? String(base.dropLast()) : base) + path
    }
}
