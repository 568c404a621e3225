import Foundation
import Logging

/// One libcurl multi handle driven by one dedicated thread. Thread-safe; `send` may be called
/// from any task.
///
/// All requests share the multi handle's connection cache, so requests to the same host reuse
/// kept-alive connections (HTTP/2 where a TLS server offers it). Requests beyond the connection
/// limits wait inside libcurl for a free connection, within their own timeout.
///
/// libcurl blocks while it waits for sockets, so it runs on its own thread rather than on the
/// cooperative pool; tasks hand requests over through a locked queue and `curl_multi_wakeup`.
/// Call `shutdown()` (or run the client as a `Service`) to end the thread; a client that is
/// released without it stops its thread after the transfers in flight.
public final class OutboundHTTPClient: Sendable {
    private let queue = TransferQueue()

    /// - Parameters:
    ///   - maxConnections: Open connections at most, idle ones included.
    ///   - maxConnectionsPerHost: Open connections to one host and port at most.
    public init(maxConnections: Int = 64, maxConnectionsPerHost: Int = 32, logger: Logger = Logger(label: "hub.outbound")) {
        let thread = Thread { [queue] in
            TransferLoop.run(
                queue: queue, maxConnections: maxConnections, maxConnectionsPerHost: maxConnectionsPerHost, logger: logger
            )
        }
        thread.name = "hub.outbound"
        thread.start()
    }

    deinit {
        queue.close()
    }

    /// Sends `request` and returns the response, whatever its status.
    ///
    /// Throws only when there is no response: see `OutboundError.Kind`. A request that cannot
    /// be sent as given fails with `.invalidRequest` before it reaches libcurl. Cancelling the
    /// calling task does not stop a transfer that has started: its timeout bounds it.
    public func send(_ request: OutboundRequest) async throws(OutboundError) -> OutboundResponse {
        try request.validate()
        let result = await withCheckedContinuation { (reply: CheckedContinuation<Result<OutboundResponse, OutboundError>, Never>) in
            if let refusal = queue.submit(TransferQueue.Submission(request: request, reply: reply)) {
                reply.resume(returning: .failure(refusal))
            }
        }
        return try result.get()
    }

    /// Stops taking requests (new sends fail with `.shutdown`), lets the ones in flight finish
    /// or time out, and returns once the thread has ended and every libcurl handle is freed.
    public func shutdown() async {
        queue.close()
        await queue.waitUntilFinished()
    }
}
