import EventLog
import Foundation
import HubTestSupport
import Postgres
import ReportDomain
import Reports
import Testing

@Suite struct ReportCommandHandlerTests {
    static let policy = MunicipalityPolicy(municipality: "0153")

    static func submission() throws -> ReportSubmission {
        ReportSubmission(
            municipality: "0153", channel: .app, category: "afval.container",
            description: "Deksel sluit niet", location: try Location(latitude: 52.22, longitude: 6.89))
    }

    @Test func theStoryIsStoredAndReplaysToTheSameState() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.runtimePool())
        let handler = ReportCommandHandler(store: store)
        let id = ReportID.generate()
        let collector = try Party(id: "collector", displayName: "de afvalinzamelaar", hasProcessingAgreement: false)
        let now = Date()
        let actions: [(Actor, ReportAction)] = [
            (.reporter, .submit(try Self.submission())),
            (.system(name: "routing"), .forward(collector)),
            (.party(collector.id), .completeWork(photoURL: "https://example.org/fixed.jpg", note: nil)),
        ]
        var last: ReportCommandHandler.Outcome?
        for (actor, action) in actions {
            last = try await handler.handle(ReportCommand(reportID: id, actor: actor, issuedAt: now, action: action), policy: Self.policy)
        }
        let (loaded, version) = try await handler.load(id)
        #expect(version == 3)
        #expect(loaded == last?.report)
        #expect(loaded?.status == .completedByParty)
        let stored = try await store.readStream(id.streamName)
        #expect(stored.map(\.type) == ["ReportSubmitted", "ReportForwarded", "WorkCompletedByParty"])
        #expect(stored[1].metadata.actor == "system:routing")
        await store.pool.close()
    }

    @Test func aRefusedCommandStoresNothing() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.runtimePool())
        let handler = ReportCommandHandler(store: store)
        let id = ReportID.generate()
        try await handler.handle(ReportCommand(reportID: id, actor: .reporter, issuedAt: Date(), action: .submit(try Self.submission())), policy: Self.policy)
        await #expect(throws: ReportError.self) {
            try await handler.handle(ReportCommand(reportID: id, actor: .reporter, issuedAt: Date(), action: .confirmResolution), policy: Self.policy)
        }
        #expect(try await store.readStream(id.streamName).count == 1)
        await #expect(throws: ReportError.self) {
            try await handler.handle(ReportCommand(reportID: ReportID.generate(), actor: .reporter, issuedAt: Date(), action: .acknowledge), policy: Self.policy)
        }
        await store.pool.close()
    }

    @Test func aRetriedRequestGetsTheFirstAnswerAndStoresNothing() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.runtimePool())
        let handler = ReportCommandHandler(store: store)
        let id = ReportID.generate()
        let submit = ReportCommand(reportID: id, actor: .reporter, issuedAt: Date(), action: .submit(try Self.submission()))
        let first = try await handler.handle(submit, policy: Self.policy, idempotencyKey: "request-1")
        let again = try await handler.handle(submit, policy: Self.policy, idempotencyKey: "request-1")
        #expect(!first.appended.wasDuplicate)
        #expect(again.appended.wasDuplicate)
        #expect(again.appended.events.map(\.point) == first.appended.events.map(\.point))
        #expect(try await store.readStream(id.streamName).count == 1)
        await store.pool.close()
    }

    @Test func concurrentCommandsOnOneReportAreAllDecidedOnFreshState() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.runtimePool(maxConnections: 6))
        let handler = ReportCommandHandler(store: store, maxAttempts: 20)
        let id = ReportID.generate()
        try await handler.handle(ReportCommand(reportID: id, actor: .reporter, issuedAt: Date(), action: .submit(try Self.submission())), policy: Self.policy)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<6 {
                group.addTask {
                    let comment = ReportCommand(
                        reportID: id, actor: .municipalityUser(id: "conny"), issuedAt: Date(),
                        action: .addComment("note \(index)", visibility: .internal))
                    try await handler.handle(comment, policy: Self.policy)
                }
            }
            try await group.waitForAll()
        }
        let (report, version) = try await handler.load(id)
        #expect(version == 7)
        #expect(report?.comments.count == 6)
        await store.pool.close()
    }

    @Test func stepsAreDecidedInTurnAndStoredInOneAppend() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.runtimePool())
        let handler = ReportCommandHandler(store: store)
        let id = ReportID.generate()
        let collector = try Party(id: "collector", displayName: "de afvalinzamelaar", hasProcessingAgreement: false)
        let steps = [
            ReportCommandStep(
                ReportCommand(reportID: id, actor: .reporter, issuedAt: Date(), action: .submit(try Self.submission())),
                idempotencyKey: "request-1", metadata: EventMetadata(actor: "app", correlationID: "c-1")),
            ReportCommandStep(
                ReportCommand(reportID: id, actor: .system(name: "routing"), issuedAt: Date(), action: .forward(collector)),
                idempotencyKey: "routing:\(id)"),
        ]
        let outcomes = try await handler.handle(steps, policy: Self.policy)
        #expect(outcomes.count == 2)
        // The forward was decided on the submitted report, and the outcomes split the append.
        #expect(outcomes[0].report.status == .submitted)
        #expect(outcomes[1].report.currentParty?.id == collector.id)
        #expect(outcomes[0].appended.events.map(\.streamVersion) == [1])
        #expect(outcomes[1].appended.events.map(\.streamVersion) == [2])
        let stored = try await store.readStream(id.streamName)
        #expect(stored.map(\.type) == ["ReportSubmitted", "ReportForwarded"])
        // One append: one transaction.
        #expect(stored[0].point.transactionID == stored[1].point.transactionID)
        #expect(stored[1].metadata.actor == "system:routing")
        #expect(stored[1].metadata.causationID == stored[0].id.uuidString.lowercased())

        // The same request again returns the first step's earlier outcome and stores nothing.
        let again = try await handler.handle(steps, policy: Self.policy)
        #expect(again.count == 1)
        #expect(again[0].appended.wasDuplicate)
        #expect(try await store.readStream(id.streamName).count == 2)
        await store.pool.close()
    }

    @Test func aRefusedLaterStepStoresNoneOfTheSteps() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.runtimePool())
        let handler = ReportCommandHandler(store: store)
        let id = ReportID.generate()
        let steps = [
            ReportCommandStep(ReportCommand(reportID: id, actor: .reporter, issuedAt: Date(), action: .submit(try Self.submission()))),
            // A reporter cannot confirm a resolution of a report that is not resolved.
            ReportCommandStep(ReportCommand(reportID: id, actor: .reporter, issuedAt: Date(), action: .confirmResolution)),
        ]
        await #expect(throws: ReportError.self) { try await handler.handle(steps, policy: Self.policy) }
        #expect(try await store.readStream(id.streamName).isEmpty)
        let other = ReportCommandStep(ReportCommand(reportID: ReportID.generate(), actor: .reporter, issuedAt: Date(), action: .acknowledge))
        await #expect(throws: ReportsError.self) { try await handler.handle([steps[0], other], policy: Self.policy) }
        #expect(try await store.readStream(id.streamName).isEmpty)
        await store.pool.close()
    }

    @Test func aSubmissionToAReportThatExistsIsHandledFromTheStoredStream() async throws {
        let database = try await TestDatabase.create()
        let store = EventStore(pool: database.runtimePool())
        let handler = ReportCommandHandler(store: store)
        let id = ReportID.generate()
        let submit = ReportCommand(reportID: id, actor: .reporter, issuedAt: Date(), action: .submit(try Self.submission()))
        try await handler.handle(submit, policy: Self.policy)
        // Without a key the second submission is refused by the domain, not by the log's conflict.
        await #expect(throws: ReportError.self) { try await handler.handle(submit, policy: Self.policy) }
        #expect(try await store.readStream(id.streamName).count == 1)

        // A request whose first step was stored alone (by a version that stored steps apart) gets
        // that step's outcome back, and nothing is stored half.
        let keyed = ReportID.generate()
        let keyedSubmit = ReportCommand(reportID: keyed, actor: .reporter, issuedAt: Date(), action: .submit(try Self.submission()))
        let first = try await handler.handle(keyedSubmit, policy: Self.policy, idempotencyKey: "request-2")
        let collector = try Party(id: "collector", displayName: "de afvalinzamelaar", hasProcessingAgreement: false)
        let again = try await handler.handle(
            [ReportCommandStep(keyedSubmit, idempotencyKey: "request-2"),
             ReportCommandStep(ReportCommand(reportID: keyed, actor: .system(name: "routing"), issuedAt: Date(), action: .forward(collector)))],
            policy: Self.policy)
        #expect(again.count == 1)
        #expect(again[0].appended.wasDuplicate)
        #expect(again[0].appended.events.map(\.point) == first.appended.events.map(\.point))
        #expect(try await store.readStream(keyed.streamName).count == 1)
        await store.pool.close()
    }
}
