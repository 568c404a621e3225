import Hummingbird
import Logging

/// A simulated system from the field: an HTTP program that behaves like the real one towards the
/// hub (its paths, its vocabulary, its signatures), used by `hub demo`, the end-to-end tests and
/// the `field-system` command.
public protocol FieldSystem: Sendable {
    /// The name people read in the timeline, e.g. "Afval Twente".
    var displayName: String { get }
    /// The routes the system answers: where the hub delivers to it, and its own small API.
    func addRoutes(to router: Router<BasicRequestContext>)
}

extension FieldSystem {
    /// The system as a Hummingbird application (a ServiceLifecycle service).
    /// - Parameter onRunning: called with the port it listens on (useful with `port: 0`).
    public func application(
        host: String = "127.0.0.1", port: Int = 0, logger: Logger = Logger(label: "field-system"),
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router(context: BasicRequestContext.self)
        addRoutes(to: router)
        return Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: displayName),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) }, logger: logger)
    }
}
