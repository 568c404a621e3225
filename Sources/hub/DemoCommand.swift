import ArgumentParser
import EventLog
import Foundation
import Logging
import Postgres
import ReportDomain
import Reports

/// The newcomer's first look: the waste-container story of DOMAIN.md played on the event log.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Play the waste-container story on the event log: append, read, follow live, verify.")

    func run() async throws {
        Hub.bootstrapLogging()
        let logger = Logger(label: "hub.demo")
        try await HubDatabase.withRuntimePool(logger: logger) { database, pool in
            let listener = PGListener(config: database.runtime, channels: [EventStore.channel], logger: logger)
            let listening = Task { try await listener.run() }
            defer { listener.stop() }
            let store = EventStore(pool: pool, logger: logger)
            try await DemoStory(store: store, listener: listener, database: database).play()
            listener.stop()
            _ = try? await listening.value
        }
    }
}

/// The story, step by step, with what the log records and what the reporter sees.
struct DemoStory: Sendable {
    let store: EventStore
    let listener: PGListener
    let database: HubDatabase

    func play() async throws {
        let policy = MunicipalityPolicy(
            municipality: "0153",
            serviceLevels: ServiceLevelPolicy(
                standard: ServiceLevel(acknowledgeWithin: .hours(2), resolveWithin: .days(5)),
                byCategory: ["afval.container": ServiceLevel(acknowledgeWithin: .hours(2), resolveWithin: .days(2))]))
        let collector = try Party(id: "afval-twente", displayName: "de afvalinzamelaar", hasProcessingAgreement: false)
        let handler = ReportCommandHandler(store: store)
        let report = ReportID.generate()
        print("""
            Meldingen hub — demo on the \(database.summary)

            Johan reports, through a reporting app, that the lid of the waste container in his
            street won't close. The hub records every step as an event in one append-only log.

            """)

        // A follower reads the log live (LISTEN/NOTIFY) while the story is told.
        let start = try await store.endPoint()
        let follower = LogFollower(store: store, listener: listener)
        let followed = Task { () -> [RecordedEvent] in
            var seen: [RecordedEvent] = []
            for try await event in follower.events(after: start) where event.stream == report.streamName {
                seen.append(event)
                if event.type == ResolutionConfirmed.eventType { break }
            }
            return seen
        }

        let now = Date()
        let steps: [(String, Actor, ReportAction)] = [
            ("the app submits Johan's report", .reporter, .submit(ReportSubmission(
                municipality: "0153", channel: .app, category: "afval.container",
                description: "Het deksel van de container in de Hengelosestraat sluit niet meer.",
                location: try Location(latitude: 52.2215, longitude: 6.8937, address: "Hengelosestraat 12, Enschede", postcode: "7514AE"),
                photoURLs: ["https://example.org/photos/deksel.jpg"],
                contact: try ReporterContact(name: "Johan", email: "johan@example.org"),
                notificationPreference: try NotificationPreference(level: .everyStep, channel: .email)))),
            ("the case system acknowledges it", .system(name: "melddesk"), .acknowledge),
            ("routing by category forwards it", .system(name: "routing"), .forward(collector)),
            ("the collector schedules the work", .party(collector.id), .scheduleWork(on: now.addingTimeInterval(86_400))),
            ("the collector reports it done, with a photo", .party(collector.id), .completeWork(photoURL: "https://example.org/photos/deksel-gerepareerd.jpg", note: "Nieuw scharnier geplaatst.")),
            ("Johan confirms it is fixed", .reporter, .confirmResolution),
        ]
        print(pad("step", 46) + pad("internal status", 20) + "what Johan sees")
        print(String(repeating: "─", count: 100))
        for (index, (title, actor, action)) in steps.enumerated() {
            let command = ReportCommand(reportID: report, actor: actor, issuedAt: now.addingTimeInterval(Double(index) * 3600), action: action)
            let outcome = try await handler.handle(command, policy: policy, idempotencyKey: "demo-\(report)-\(index)")
            let shown = policy.publicStatus.label(for: policy.publicStatus.status(of: outcome.report))
            print(pad(title, 46) + pad(outcome.report.status.rawValue, 20) + shown)
        }

        let live = try await withDeadline(seconds: 10) { try await followed.value }
        print("\nThe live follower received \(live.count) events as they committed:")
        for event in live {
            print("  #\(event.position)  v\(event.streamVersion)  \(pad(event.type, 22)) by \(event.metadata.actor)")
        }

        let stored = try await store.readStream(report.streamName)
        let replayed = Report.replay(try stored.map {
            try ReportEvent.decode(eventType: $0.type, schemaVersion: $0.schemaVersion, data: Data($0.data))
        })
        print("\nReading the stream \(report.streamName) back: \(stored.count) events, versions \(stored.first?.streamVersion ?? 0)…\(stored.last?.streamVersion ?? 0); replayed state: \(replayed?.status.rawValue ?? "none")")

        let retried = try await handler.handle(
            ReportCommand(reportID: report, actor: .reporter, issuedAt: now, action: .confirmResolution), policy: policy,
            idempotencyKey: "demo-\(report)-5")
        print("A retried request with the same idempotency key stored nothing new: \(retried.appended.wasDuplicate)")

        let verification = try await ChainVerifier(pool: store.pool).verify()
        print("Hash chains: \(verification.eventsChecked) events in \(verification.streamsChecked) streams checked, \(verification.isIntact ? "all intact" : "BROKEN: \(verification.breaks)")")
        print("\nRun `hub verify` to check the chains again, `hub serve` to follow the log, `hub bench append` to measure.")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}

/// Fails instead of hanging when a step does not finish in time.
func withDeadline<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            throw ValidationError("gave up waiting after \(seconds) s")
        }
        let value = try await group.next()!
        group.cancelAll()
        return value
    }
}
