import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The hub's HTTP application, shared by `hub serve` and the tests (which drive it without a socket).
///
/// - Parameters:
///   - services: long-running parts to run beside the server in its service group (the projector…).
///   - onServerRunning: called with the listening channel (its local address has the port when 0 was asked).
public func buildApplication(
    _ dependencies: HubDependencies, host: String = "127.0.0.1", port: Int = 8080,
    services: [any Service] = [], logger: Logger = Logger(label: "hub.http"),
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(dependencies),
        configuration: .init(address: .hostname(host, port: port), serverName: "meldingen-hub"),
        services: services,
        onServerRunning: onServerRunning,
        logger: logger)
}

/// Every route of the hub, behind the middleware every request passes.
public func buildRouter(_ dependencies: HubDependencies) -> Router<HubRequestContext> {
    buildRoutes(dependencies).router
}

/// The router and the list of what it serves.
public func buildRoutes(_ dependencies: HubDependencies) -> HubRoutes {
    let router = Router(context: HubRequestContext.self)
    router.add(middleware: ProblemMiddleware())
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: QueryTextMiddleware())
    router.add(middleware: AccessMiddleware(configuration: dependencies.configuration, store: dependencies.store))
    let routes = HubRoutes(router: router)
    ReportRoutes(dependencies: dependencies).register(on: routes)
    EventRoutes(dependencies: dependencies).register(on: routes)
    OperationsRoutes(dependencies: dependencies).register(on: routes)
    Open311Routes(dependencies: dependencies).register(on: routes)
    StatusPageRoutes(dependencies: dependencies).register(on: routes)
    AdminRoutes(dependencies: dependencies).register(on: routes)
    InboundRoutes(dependencies: dependencies).register(on: routes)
    return routes
}
