import Curl
import Delivery
import EventLog
import Foundation
import HubTestSupport
import Logging
import Postgres
import ReportDomain
import Reports
import ServiceLifecycle
import Webhooks

/// A migrated database, the log, libcurl, and the delivery services running on them.
struct DeliveryHarness: Sendable {
    static let enschede: MunicipalityCode = "GM0153"
    static let secret = WebhookSecret.generate()
    static let contractor = try! Party(id: "afval-twente", displayName: "de afvalinzamelaar", hasProcessingAgreement: false)
    static let municipality = try! Party(id: "melddesk", displayName: "Melddesk", hasProcessingAgreement: true)
    static let johan = try! ReporterContact(name: "Johan de Vries", email: "johan@example.nl", phone: "06 12345678")

    let database: TestDatabase
    let pool: PGPool
    let store: EventStore
    let handler: ReportCommandHandler
    let client: OutboundHTTPClient

    init() async throws {
        database = try await TestDatabase.create()
        pool = database.runtimePool(maxConnections: 8)
        store = EventStore(pool: pool)
        handler = ReportCommandHandler(store: store)
        client = OutboundHTTPClient()
    }

    /// A target that takes every event, as CloudEvents, signed with `secret`.
    static func target(
        _ name: String, url: String, recipient: Party = municipality, retry: [Duration] = [.milliseconds(50), .milliseconds(50)],
        maxInFlight: Int = 16, failureThreshold: Int = 100, pause: Duration = .seconds(60),
        filter: @escaping @Sendable (DeliveryEvent) -> Bool = { _ in true }
    ) -> DeliveryTarget {
        DeliveryTarget(
            name: name, recipient: recipient, filter: filter,
            endpoint: DeliveryEndpoint(
                url: url, options: OutboundOptions(timeout: .seconds(5), connectTimeout: .seconds(2)), secret: secret,
                retrySchedule: RetrySchedule(waits: retry, jitter: 0), maxInFlight: maxInFlight,
                failureThreshold: failureThreshold, pause: pause))
    }

    /// The scheduler and the workers (and the listener they share), until `stop()`. With
    /// `wakeOnSchedule` false the scheduler does not wake the workers directly after it wrote
    /// deliveries, as the hub's does.
    func start(
        _ targets: [DeliveryTarget], workers: Int = 1, leaseSweep: Duration = .seconds(5), wakeOnSchedule: Bool = true
    ) -> Running {
        let listener = PGListener(config: database.runtime, channels: [EventStore.channel, DeliveryWorker.channel])
        let workerServices = (0..<workers).map { _ in
            DeliveryWorker(
                pool: pool, listener: listener, client: client, targets: targets, leaseSweep: leaseSweep,
                linkExternalID: externalIDLinker(handler: handler, policy: { MunicipalityPolicy(municipality: $0) }),
                readExternalID: externalIDReader(handler: handler))
        }
        let scheduler = DeliveryScheduler(
            store: store, listener: listener, pool: pool, targets: targets, publicURL: "http://hub.test",
            onScheduled: { if wakeOnSchedule { workerServices.forEach { $0.wake() } } })
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: listener)] + [.init(service: scheduler)] + workerServices.map { .init(service: $0) },
                logger: Logger(label: "delivery-tests")))
        let task = Task { try await group.run() }
        return Running(group: group, task: task, workers: workerServices)
    }

    struct Running: Sendable {
        let group: ServiceGroup
        let task: Task<Void, any Error>
        let workers: [DeliveryWorker]

        /// What the hub's admin API does after an operator's action in the same process.
        func wake() {
            workers.forEach { $0.wake() }
        }

        func stop() async throws {
            await group.triggerGracefulShutdown()
            try await task.value
        }
    }

    /// Submits a report (with the reporter's contact data) and returns its id.
    @discardableResult
    func submit(_ id: ReportID = .generate(), category: CategoryCode = "afval.container") async throws -> ReportID {
        try await act(id, .reporter, .submit(ReportSubmission(
            municipality: Self.enschede, channel: .app, category: category, description: "Het deksel sluit niet",
            location: try Location(latitude: 52.2215, longitude: 6.8937, address: "Hengelosestraat 12, Enschede", postcode: "7514 AE"),
            contact: Self.johan, notificationPreference: try NotificationPreference(level: .everyStep, channel: .email))))
        return id
    }

    @discardableResult
    func act(_ id: ReportID, _ actor: Actor, _ action: ReportAction) async throws -> ReportCommandHandler.Outcome {
        try await handler.handle(
            ReportCommand(reportID: id, actor: actor, issuedAt: Date(), action: action),
            policy: MunicipalityPolicy(municipality: Self.enschede))
    }

    func count(_ sql: String) async throws -> Int {
        try await pool.query(PGQuery(sql: sql)).decode(Int.self, row: 0, column: 0)
    }

    /// Waits until the query's count reaches `expected`.
    func waitUntil(_ sql: String, is expected: Int, timeout: Duration = .seconds(20)) async throws {
        let deadline = ContinuousClock.now + timeout
        var last = -1
        while ContinuousClock.now < deadline {
            last = try await count(sql)
            if last == expected { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw WaitTimeout(sql: sql, expected: expected, last: last)
    }

    func close() async {
        await client.shutdown()
        await pool.close()
    }

    struct WaitTimeout: Error, CustomStringConvertible {
        var sql: String
        var expected: Int
        var last: Int
        var description: String { "\(sql): expected \(expected), last saw \(last)" }
    }
}
