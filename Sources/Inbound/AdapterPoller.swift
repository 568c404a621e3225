import Adapters
import Curl
import Foundation
import Logging
import Postgres
import ServiceLifecycle

/// Polls the connected systems that have no webhooks (an adapter's `polling`), as a
/// ServiceLifecycle service: per adapter, every interval, the page after its saved cursor, each
/// update applied as a webhook's would be (`InboundProcessor`), then the next cursor saved. A page
/// that fails (the system is down, the answer is not what the file describes) leaves the cursor
/// where it was, to be fetched again at the next interval; a full page is followed at once.
public final class AdapterPoller: Service, Sendable {
    let adapters: [AdapterDefinition]
    let processor: InboundProcessor
    let client: OutboundHTTPClient
    let logger: Logger

    public init(adapters: [AdapterDefinition], processor: InboundProcessor, client: OutboundHTTPClient, logger: Logger = Logger(label: "hub.poller")) {
        self.adapters = adapters.filter { $0.polling != nil && $0.inbound != nil }
        self.processor = processor
        self.client = client
        self.logger = logger
    }

    public func run() async throws {
        guard !adapters.isEmpty else {
            try? await gracefulShutdown()
            return
        }
        await withTaskGroup(of: Void.self) { group in
            for adapter in adapters {
                group.addTask { await self.pollWhileRunning(adapter) }
            }
            await group.waitForAll()
        }
    }

    private func pollWhileRunning(_ adapter: AdapterDefinition) async {
        guard let polling = adapter.polling else { return }
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            var again = false
            do {
                again = try await poll(adapter)
            } catch {
                logger.warning("polling failed; trying again at the next interval", metadata: ["adapter": "\(adapter.name)", "error": "\(error)"])
            }
            if again { continue }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: polling.interval) }
        }
    }

    /// Fetches and applies one page; true when it had updates and a new cursor (more may wait).
    @discardableResult
    public func poll(_ adapter: AdapterDefinition) async throws -> Bool {
        guard let polling = adapter.polling else { return false }
        let saved = try await processor.pool.query("SELECT cursor FROM hub.adapter_cursors WHERE adapter = \(adapter.name.rawValue)")
        let cursor = saved.rowCount == 1 ? try saved.decode(String.self, row: 0, column: 0) : nil
        let response = try await client.send(OutboundRequest(
            method: "GET", url: Self.url(polling, cursor: cursor), headers: [OutboundHeader(name: "Accept", value: "application/json")],
            options: OutboundOptions(
                timeout: polling.timeout, authentication: polling.authentication, tls: polling.tls, proxy: polling.proxy)))
        guard (200..<300).contains(response.status) else {
            throw PollingError(message: "\(adapter.name) answered \(response.status) to the poll")
        }
        let mapper = InboundMapper(adapter: adapter)
        let page: (items: [Data], nextCursor: String?)
        switch mapper.pageItems(from: Data(response.body)) {
        case .failure(let rejection): throw PollingError(message: "\(adapter.name)'s page cannot be read: \(rejection.message)")
        case .success(let read): page = read
        }
        for item in page.items {
            _ = try await processor.receive(Array(item), from: adapter, webhookID: nil, via: .poll)
        }
        guard let next = page.nextCursor, next != cursor else { return false }
        _ = try await processor.pool.query("SELECT hub.save_adapter_cursor(\(adapter.name.rawValue), \(next))")
        return !page.items.isEmpty
    }

    /// The page's address: the cursor (when there is one yet) and an `api_key` credential as
    /// query parameters.
    static func url(_ polling: PollingSettings, cursor: String?) -> String {
        var parameters: [(String, String)] = []
        if let cursor { parameters.append((polling.cursorParameter, cursor)) }
        if let credential = polling.authentication.requestField { parameters.append((credential.name, credential.value)) }
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        var url = polling.url
        for (name, value) in parameters {
            let encodedName = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name
            let encodedValue = value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
            url += (url.contains("?") ? "&" : "?") + "\(encodedName)=\(encodedValue)"
        }
        return url
    }

    struct PollingError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
