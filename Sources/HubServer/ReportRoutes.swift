import EventLog
import Foundation
import HTTPTypes
import HubConfig
import Hummingbird
import Logging
import Projections
import ReportDomain
import Reports

/// The native JSON API for reports under /api/v1: submit, every domain command, one report, its
/// history, and search.
struct ReportRoutes: Sendable {
    let dependencies: HubDependencies
    var configuration: HubConfiguration { dependencies.configuration }
    var handler: ReportCommandHandler { ReportCommandHandler(store: dependencies.store) }

    /// How long a write waits for the projections before it answers 202 instead of the report.
    static let readYourWritesTimeout: Duration = .seconds(3)

    func register(on router: HubRoutes) {
        router.post("api/v1/reports", use: submit)
        router.get("api/v1/reports", use: search)
        router.get("api/v1/reports/:id", use: show)
        router.get("api/v1/reports/:id/history", use: history)
        for route in ReportCommandRoute.allCases {
            router.post("api/v1/reports/:id/\(route.rawValue)") { request, context in
                try await command(route, request, context)
            }
        }
    }

    // MARK: submit

    @Sendable func submit(_ request: Request, context: HubRequestContext) async throws -> Response {
        let input = try await JSONBody.decode(SubmitReportInput.self, from: request, context: context)
        let municipality = try MunicipalityCode.validated(input.municipality)
        guard let config = configuration.municipality(municipality) else {
            throw Problem.badRequest("municipality \"\(municipality)\" is not connected to this hub", code: "request.unknown_municipality", field: "municipality")
        }
        let category = CategoryCode(input.category)
        guard let categoryConfig = config.category(category) else {
            let known = config.categories.map(\.code.rawValue).joined(separator: ", ")
            throw Problem.badRequest("category \"\(category)\" is not one of \(config.name)'s categories (\(known))", code: "request.unknown_category", field: "category")
        }
        guard context.caller.maySubmit(to: municipality) else {
            throw Problem.forbidden("this key may not submit reports for municipality \(municipality)")
        }
        let submission = ReportSubmission(
            municipality: municipality, channel: try Channel.validated(input.channel ?? "api"), category: category,
            description: input.description, location: input.location, photoURLs: input.photoURLs ?? [],
            contact: input.contact, notificationPreference: input.notificationPreference ?? .none,
            urgency: input.urgency ?? .normal, externalReference: input.externalReference, submittedAt: input.submittedAt)

        let idempotencyKey = request.headers[HTTPField.Name("Idempotency-Key")!].map { "\(context.caller.id):\($0)" }
        let reportID = idempotencyKey.map { ReportID(EventID.derived(from: "report:" + $0, index: 0)) } ?? .generate()
        let token = ReporterToken.issue(for: reportID)
        let metadata = EventMetadata(
            actor: context.caller.metadataActor, correlationID: context.id,
            externalIDs: input.externalReference.map { [$0.system: $0.id] } ?? [:], reporterTokenHash: token.sha256)
        let (outcome, last) = try await handler.submit(
            ReportCommand(reportID: reportID, actor: context.caller.actor, issuedAt: Date(), action: .submit(submission)),
            routingTo: categoryConfig.routeTo.flatMap(configuration.party), policy: config.policy,
            idempotencyKey: idempotencyKey, metadata: metadata, correlationID: context.id)
        let isReplay = outcome.appended.events.allSatisfy { $0.wasDuplicate }

        var caller = context.caller
        if !isReplay, caller.kind == .anonymous || caller.role == .public {
            // The submitter is the reporter: the answer shows what was recorded about them.
            caller = Caller(kind: .reporter(reportID), id: "reporter", municipalities: [municipality], party: nil)
        }
        return try await answer(
            reportID, after: last, caller: caller, status: isReplay ? .ok : .created, reporterToken: isReplay ? nil : token.text,
            headers: [.location: "/api/v1/reports/\(reportID)"])
    }

    // MARK: commands

    @Sendable func command(_ route: ReportCommandRoute, _ request: Request, _ context: HubRequestContext) async throws -> Response {
        let id = try Self.reportID(context)
        guard context.caller.kind != .anonymous, context.caller.role != .public else {
            throw Problem.unauthorized("commands need a reporter token or an API key of a municipality, a party or an operator")
        }
        let (current, _) = try await handler.load(id)
        guard let report = current,
              context.caller.view(of: id, municipality: report.municipality, involvedParties: report.involvedParties, configuration: configuration) != nil
        else { throw Problem.notFound("there is no report \(id)", code: "report.not_found") }
        let policy = configuration.policy(for: report.municipality)
        let input = try await Self.body(request, context: context, required: route.takesBody)
        let idempotencyKey = request.headers[HTTPField.Name("Idempotency-Key")!].map { "\(context.caller.id):\(route.rawValue):\($0)" }
        let metadata = EventMetadata(actor: context.caller.metadataActor, correlationID: context.id)
        var last: LogPoint?
        if route == .merge {
            last = try await merge(report, into: try input.required(input.into, "into"), caller: context.caller, policy: policy, key: idempotencyKey, metadata: metadata)
        } else {
            let action = try route.action(input, configuration: configuration, municipality: report.municipality)
            let outcome = try await handler.handle(
                ReportCommand(reportID: id, actor: context.caller.actor, issuedAt: Date(), action: action),
                policy: policy, idempotencyKey: idempotencyKey, metadata: metadata)
            last = outcome.appended.events.last?.point
        }
        return try await answer(id, after: last, caller: context.caller, status: .ok)
    }

    /// Bundles a report under a main report (rule 6): the duplicate records the merge, then the main
    /// report records the duplicate. Both steps carry idempotency keys, so a retry completes a
    /// merge that stopped half-way instead of repeating it.
    private func merge(
        _ report: Report, into text: String, caller: Caller, policy: MunicipalityPolicy, key: String?, metadata: EventMetadata
    ) async throws -> LogPoint? {
        guard let mainID = ReportID(text) else {
            throw Problem.badRequest("into must be a report number (a UUID), but was \"\(text)\"", field: "into")
        }
        let (main, _) = try await handler.load(mainID)
        guard let main,
              caller.view(of: mainID, municipality: main.municipality, involvedParties: main.involvedParties, configuration: configuration) != nil
        else { throw Problem.notFound("there is no main report \(mainID)", code: "report.not_found") }
        let merged = try await handler.handle(
            ReportCommand(reportID: report.id, actor: caller.actor, issuedAt: Date(), action: .merge(into: main)),
            policy: policy, idempotencyKey: key ?? "merge:\(report.id):\(mainID)", metadata: metadata)
        let attached = try await handler.handle(
            ReportCommand(reportID: mainID, actor: caller.actor, issuedAt: Date(), action: .attachDuplicate(report.id)),
            policy: policy, idempotencyKey: "attach:\(report.id):\(mainID)", metadata: metadata)
        return [merged.appended.events.last?.point, attached.appended.events.last?.point].compactMap { $0 }.max()
    }

    // MARK: reads

    @Sendable func show(_ request: Request, context: HubRequestContext) async throws -> Response {
        let id = try Self.reportID(context)
        return try await answer(id, after: nil, caller: context.caller, status: .ok)
    }

    @Sendable func history(_ request: Request, context: HubRequestContext) async throws -> Response {
        let id = try Self.reportID(context)
        let (_, view) = try await visibleReport(id, caller: context.caller)
        let entries = try await dependencies.queries.history(reportID: id, publicOnly: view == .public || view == .reporter)
        return try Self.json(.ok, HistoryPage(reportID: id, view: view, entries: entries))
    }

    @Sendable func search(_ request: Request, context: HubRequestContext) async throws -> Response {
        let query = QueryParameters(request)
        let search = try ReportSearchQuery.parse(query, caller: context.caller, configuration: configuration)
        let page = try await dependencies.queries.search(search.search)
        return try Self.json(.ok, SearchResultPage(page: page, view: search.view))
    }

    // MARK: shared

    /// Waits for the projections to include `point`, then answers with the report as the caller may
    /// see it; 202 with the report's address when the projector does not catch up in time (the
    /// write is stored either way).
    private func answer(
        _ id: ReportID, after point: LogPoint?, caller: Caller, status: HTTPResponse.Status,
        reporterToken: String? = nil, headers: HTTPFields = [:]
    ) async throws -> Response {
        if let point, await !dependencies.waitUntilProjected(point, Self.readYourWritesTimeout) {
            var fields = ["id": id.description, "status": "accepted"]
            fields["reporter_token"] = reporterToken
            var response = OperationsRoutes.json(.accepted, fields)
            response.headers.append(contentsOf: headers)
            return response
        }
        let (row, view) = try await visibleReport(id, caller: caller)
        var response = try Self.json(status, ReportView(row, view: view, reporterToken: reporterToken))
        response.headers.append(contentsOf: headers)
        return response
    }

    private func visibleReport(_ id: ReportID, caller: Caller) async throws -> (ProjectedReport, Caller.View) {
        guard let row = try await dependencies.queries.report(id: id),
              let view = caller.view(of: id, municipality: row.municipality, involvedParties: row.involvedParties, configuration: configuration)
        else {
            if caller.kind == .anonymous, let row = try await dependencies.queries.report(id: id),
               configuration.policy(for: row.municipality).publicStatus.requiresLogin {
                throw Problem.unauthorized("municipality \(row.municipality) shows report status only with a key or the reporter's token")
            }
            throw Problem.notFound("there is no report \(id)", code: "report.not_found")
        }
        return (row, view)
    }

    static func reportID(_ context: HubRequestContext) throws -> ReportID {
        let text = context.parameters.get("id") ?? ""
        guard let id = ReportID(text) else {
            throw Problem.badRequest("the report number must be a UUID such as 3f2a0c4e-…, but was \"\(text)\"", code: "request.invalid_report_id", field: "id")
        }
        return id
    }

    static func body(_ request: Request, context: HubRequestContext, required: Bool) async throws -> CommandInput {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        if buffer.readableBytes == 0 {
            if required { throw Problem.badRequest("this command needs a JSON body", code: "request.empty_body") }
            return .empty
        }
        return try await JSONBody.decode(CommandInput.self, from: request, context: context)
    }

    static func json(_ status: HTTPResponse.Status, _ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601.format(date))
        }
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
