import Adapters
import Foundation
import HTTPTypes
import Hummingbird
import Inbound
import Reports
import Webhooks

/// `POST /api/v1/adapters/{name}/inbound`: a connected system's webhook. Its Standard Webhooks
/// signature (with the adapter's secret, within its tolerance) is its credential; the message is
/// applied once (idempotent on the adapter and its message id) and kept whole for audit.
struct InboundRoutes: Sendable {
    let dependencies: HubDependencies

    func register(on router: HubRoutes) {
        router.post("api/v1/adapters/{name}/inbound", use: receive)
    }

    @Sendable func receive(_ request: Request, context: HubRequestContext) async throws -> Response {
        let name = context.parameters.get("name") ?? ""
        guard let adapter = dependencies.adapters.adapters.first(where: { $0.name.rawValue == name }), let settings = adapter.inbound else {
            throw Problem.notFound("no adapter \"\(name.prefix(63))\" takes inbound messages", code: "adapter.not_found")
        }
        let body = Array(buffer: try await request.body.collect(upTo: context.maxUploadSize))
        func header(_ name: String) -> String? { HTTPField.Name(name).flatMap { request.headers[$0] } }
        let webhookID = header(WebhookSignature.idHeader)
        do {
            try WebhookSignature.verify(
                id: webhookID, timestamp: header(WebhookSignature.timestampHeader), signature: header(WebhookSignature.signatureHeader),
                body: body, secrets: [try WebhookSecret(settings.secret.value)], tolerance: settings.tolerance, now: Date())
        } catch {
            throw Problem(.unauthorized, code: error.code.rawValue, detail: error.message)
        }
        let processor = InboundProcessor(
            pool: dependencies.pool, handler: ReportCommandHandler(store: dependencies.store), configuration: dependencies.configuration,
            logger: context.logger)
        let outcome = try await processor.receive(body, from: adapter, webhookID: webhookID, via: .webhook)
        guard outcome.status == .rejected else {
            // Read-your-writes, as for the native commands: a GET after the answer shows the change.
            if let point = outcome.point { _ = await dependencies.waitUntilProjected(point, .seconds(3)) }
            return try ReportRoutes.json(.ok, outcome)
        }
        let code = outcome.code ?? "inbound.rejected"
        let malformed: Set<String> = [
            InboundRejection.Code.notJSON.rawValue, InboundRejection.Code.missingField.rawValue, InboundRejection.Code.invalidField.rawValue,
        ]
        throw Problem(
            malformed.contains(code) ? .badRequest : .unprocessableContent, code: code,
            detail: "message \(outcome.messageID) was not applied: \(outcome.reason ?? "it cannot be applied")")
    }
}
