import ServiceLifecycle

extension OutboundHTTPClient: Service {
    /// Waits for graceful shutdown (or cancellation), then shuts the client down: services
    /// started after it in a `ServiceGroup` stop first, so their last deliveries still go out.
    public func run() async throws {
        try? await gracefulShutdown()
        await shutdown()
    }
}
