import Foundation
import HubConfig
import Hummingbird
import Mustache
import Projections
import ReportDomain

/// `GET /status/{id}`: the public status page a reporter's app or e-mail links to (rule 3):
/// the public status, the public timeline and the contractor's photo, never personal data.
struct StatusPageRoutes: Sendable {
    let dependencies: HubDependencies
    var configuration: HubConfiguration { dependencies.configuration }

    static let page = try! MustacheTemplate(string: StatusPageTemplate.html)
    static let unavailable = try! MustacheTemplate(string: StatusPageTemplate.unavailable)

    func register(on router: HubRoutes) {
        router.get("status/:id", use: show)
    }

    @Sendable func show(_ request: Request, context: HubRequestContext) async throws -> Response {
        guard let id = ReportID(context.parameters.get("id") ?? "") else {
            return Self.message(.notFound, "Melding niet gevonden", "Dit meldingnummer bestaat niet. Controleer de link.")
        }
        var caller = context.caller
        // Links in e-mails carry the reporter's token in the query, as a browser sends no header.
        if let token = QueryParameters(request).string("token") {
            caller = (try? await AccessMiddleware(configuration: configuration, store: dependencies.store).caller(for: token)) ?? caller
        }
        guard let row = try await dependencies.queries.report(id: id) else {
            return Self.message(.notFound, "Melding niet gevonden", "Dit meldingnummer bestaat niet. Controleer de link.")
        }
        guard caller.view(of: id, municipality: row.municipality, involvedParties: row.involvedParties, configuration: configuration) != nil else {
            if configuration.policy(for: row.municipality).publicStatus.requiresLogin {
                return Self.message(.unauthorized, "Inloggen nodig", "Deze gemeente toont de status van meldingen alleen aan de melder. Gebruik de link uit uw bevestigingsmail.")
            }
            return Self.message(.notFound, "Melding niet gevonden", "Dit meldingnummer bestaat niet. Controleer de link.")
        }
        let history = try await dependencies.queries.history(reportID: id, publicOnly: true)
        let view = StatusPageView(row, history: history, configuration: configuration)
        return Self.html(.ok, Self.page.render(view))
    }

    static func message(_ status: HTTPResponse.Status, _ title: String, _ message: String) -> Response {
        html(status, unavailable.render(["title": title, "message": message]))
    }

    static func html(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
