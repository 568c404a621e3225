import Delivery
import Foundation
import HTTPTypes
import HubConfig
import Hummingbird
import Inbound

/// The operator's API for the adapters (admin keys only): health per adapter, the deliveries with
/// every fact of their sending, redelivery of dead letters, enabling an endpoint again after a 410
/// or a pause (the same actions as `hub deliveries`), and the inbound messages, rejected ones with
/// their reason.
struct AdminRoutes: Sendable {
    let dependencies: HubDependencies
    var queries: DeliveryQueries { DeliveryQueries(pool: dependencies.pool, madeDue: dependencies.wakeDeliveries) }

    func register(on router: HubRoutes) {
        router.get("api/v1/admin/adapters", use: adapters)
        router.get("api/v1/admin/deliveries", use: deliveries)
        router.post("api/v1/admin/deliveries/{id}/redeliver", use: redeliver)
        router.post("api/v1/admin/adapters/{name}/redeliver", use: redeliverDead)
        router.post("api/v1/admin/adapters/{name}/enable", use: enable)
        router.get("api/v1/admin/inbound", use: inbound)
    }

    struct AdapterList: Encodable {
        var adapters: [AdapterHealth]
    }

    struct DeliveryPage: Encodable {
        var deliveries: [DeliveryRecord]
        /// The `before` of the next page; absent on the last.
        var nextBefore: Int64?

        enum CodingKeys: String, CodingKey {
            case deliveries
            case nextBefore = "next_before"
        }
    }

    struct InboundPage: Encodable {
        var messages: [InboundRecord]
        var nextBefore: Int64?

        enum CodingKeys: String, CodingKey {
            case messages
            case nextBefore = "next_before"
        }
    }

    struct ActionResult: Encodable {
        var adapter: String?
        var redelivered: Int?
        var enabled: Bool?
    }

    @Sendable func adapters(_ request: Request, context: HubRequestContext) async throws -> Response {
        try Self.requireAdmin(context)
        return try ReportRoutes.json(.ok, AdapterList(adapters: try await queries.health()))
    }

    @Sendable func deliveries(_ request: Request, context: HubRequestContext) async throws -> Response {
        try Self.requireAdmin(context)
        let query = QueryParameters(request)
        let state = query.string("state")
        if let state, !DeliveryQueries.states.contains(state) {
            throw Problem.badRequest(
                "state must be one of \(DeliveryQueries.states.sorted().joined(separator: ", "))", field: "state")
        }
        var reportID: UUID?
        if let text = query.string("report_id") {
            guard let id = UUID(uuidString: text) else { throw Problem.badRequest("report_id must be a report's UUID", field: "report_id") }
            reportID = id
        }
        let limit = try query.int("limit", in: 1...1000) ?? 50
        let page = try await queries.list(
            adapter: query.string("adapter"), state: state, reportID: reportID, before: try query.int64("before"), limit: limit)
        return try ReportRoutes.json(.ok, DeliveryPage(deliveries: page, nextBefore: page.count == limit ? page.last?.id : nil))
    }

    @Sendable func redeliver(_ request: Request, context: HubRequestContext) async throws -> Response {
        try Self.requireAdmin(context)
        guard let id = context.parameters.get("id").flatMap(Int64.init) else {
            throw Problem.badRequest("the delivery id must be a number", field: "id")
        }
        let count = try await queries.redeliver(ids: [id])
        guard count == 1 else {
            throw Problem.notFound("there is no dead or delivered delivery \(id) to send again", code: "delivery.not_found")
        }
        return try ReportRoutes.json(.accepted, ActionResult(redelivered: count))
    }

    @Sendable func redeliverDead(_ request: Request, context: HubRequestContext) async throws -> Response {
        try Self.requireAdmin(context)
        let name = try Self.adapterName(context)
        return try ReportRoutes.json(.accepted, ActionResult(adapter: name, redelivered: try await queries.redeliverDead(adapter: name)))
    }

    @Sendable func enable(_ request: Request, context: HubRequestContext) async throws -> Response {
        try Self.requireAdmin(context)
        let name = try Self.adapterName(context)
        return try ReportRoutes.json(.ok, ActionResult(adapter: name, enabled: try await queries.enable(adapter: name)))
    }

    @Sendable func inbound(_ request: Request, context: HubRequestContext) async throws -> Response {
        try Self.requireAdmin(context)
        let query = QueryParameters(request)
        let status = query.string("status")
        if let status, !InboundQueries.statuses.contains(status) {
            throw Problem.badRequest(
                "status must be one of \(InboundQueries.statuses.sorted().joined(separator: ", "))", field: "status")
        }
        let limit = try query.int("limit", in: 1...1000) ?? 50
        let page = try await InboundQueries(pool: dependencies.pool).list(
            adapter: query.string("adapter"), status: status, before: try query.int64("before"), limit: limit)
        return try ReportRoutes.json(.ok, InboundPage(messages: page, nextBefore: page.count == limit ? page.last?.id : nil))
    }

    static func adapterName(_ context: HubRequestContext) throws -> String {
        guard let name = context.parameters.get("name"), !name.isEmpty, name.count <= 63 else {
            throw Problem.badRequest("the adapter name is missing or too long", field: "name")
        }
        return name
    }

    static func requireAdmin(_ context: HubRequestContext) throws {
        switch context.caller.role {
        case .admin: return
        case nil where context.caller.kind == .anonymous:
            throw Problem.unauthorized("the admin API needs an operator's API key")
        default:
            throw Problem.forbidden("only an operator's (admin) key may use the admin API")
        }
    }
}
