import EventLog
import Foundation
import HubConfig
import Hummingbird
import Open311
import Projections
import ReportDomain
import Reports

/// Open311 GeoReport v2 at /open311/v2 (and discovery at /open311), with mySociety's updates
/// extension, so that FixMyStreet-style apps can both submit and read, and push updates back.
struct Open311Routes: Sendable {
    let dependencies: HubDependencies
    var configuration: HubConfiguration { dependencies.configuration }
    var handler: ReportCommandHandler { ReportCommandHandler(store: dependencies.store) }

    func register(on router: HubRoutes) {
        for format in Open311Format.allCases {
            let suffix = format.rawValue
            router.get("open311/discovery.\(suffix)") { request, context in try discovery(format, request, context) }
            router.get("open311/v2/services.\(suffix)") { request, context in try services(format, request, context) }
            router.get("open311/v2/services/{service_code}.\(suffix)") { request, context in try serviceDefinition(format, request, context) }
            router.post("open311/v2/requests.\(suffix)") { request, context in try await submit(format, request, context) }
            router.get("open311/v2/requests.\(suffix)") { request, context in try await requests(format, request, context) }
            router.get("open311/v2/requests/{service_request_id}.\(suffix)") { request, context in try await oneRequest(format, request, context) }
            router.get("open311/v2/tokens/{token}.\(suffix)") { request, context in try await token(format, request, context) }
            router.get("open311/v2/servicerequestupdates.\(suffix)") { request, context in try await updates(format, request, context) }
            router.post("open311/v2/servicerequestupdates.\(suffix)") { request, context in try await postUpdate(format, request, context) }
        }
    }

    // MARK: discovery and services

    func discovery(_ format: Open311Format, _ request: Request, _ context: HubRequestContext) throws -> Response {
        let base = configuration.publicURL
        let document = Open311Discovery(
            changeset: Self.changeset,
            contact: configuration.municipalities.compactMap(\.contact).first ?? "See \(base)",
            keyService: "Ask the hub's operators for an API key (hub keys new).",
            endpoints: [Open311DiscoveryEndpoint(
                specification: Open311DiscoveryEndpoint.geoReportV2, url: URL(string: "\(base)/open311/v2")!,
                changeset: Self.changeset, type: .production, formats: Open311Format.allCases)])
        return Open311Answer.document(document, format)
    }

    func services(_ format: Open311Format, _ request: Request, _ context: HubRequestContext) throws -> Response {
        let municipality = try jurisdiction(Open311Form(query: request))
        let list = municipality.categories.map { category in
            Open311Service(
                serviceCode: category.code.rawValue, serviceName: category.name,
                description: category.description.isEmpty ? nil : category.description,
                metadata: !category.attributes.isEmpty, type: .realtime, keywords: category.keywords, group: category.group)
        }
        return Open311Answer.document(list, format)
    }

    func serviceDefinition(_ format: Open311Format, _ request: Request, _ context: HubRequestContext) throws -> Response {
        let municipality = try jurisdiction(Open311Form(query: request))
        let code = context.parameters.get("service_code") ?? ""
        guard let category = municipality.category(CategoryCode(code)) else {
            throw Problem.notFound("service_code \(code) is not a service of \(municipality.name)")
        }
        let attributes = category.attributes.enumerated().map { index, attribute in
            Open311ServiceAttribute(
                variable: true, code: attribute.code,
                datatype: Open311AttributeDatatype(rawValue: attribute.datatype.rawValue) ?? .string,
                required: attribute.required, datatypeDescription: nil, order: index + 1,
                description: attribute.description,
                values: attribute.values.map { Open311AttributeValue(key: $0.key, name: $0.name) })
        }
        return Open311Answer.document(Open311ServiceDefinition(serviceCode: category.code.rawValue, attributes: attributes), format)
    }

    // MARK: requests

    func submit(_ format: Open311Format, _ request: Request, _ context: HubRequestContext) async throws -> Response {
        let form = try await Open311Form(body: request, context: context)
        let submission: Open311RequestSubmission
        do { submission = try Open311RequestSubmission.parse(form) } catch { throw Open311Answer.problem(error) }
        let caller = try await keyedCaller(submission.apiKey, context)
        let municipality = try jurisdiction(form)
        guard caller.maySubmit(to: municipality.code) else {
            throw Problem.forbidden("this api_key may not submit requests for \(municipality.name)")
        }
        guard let category = municipality.category(CategoryCode(submission.serviceCode)) else {
            throw Problem.notFound("service_code \(submission.serviceCode) is not a service of \(municipality.name)")
        }
        for attribute in category.attributes where attribute.required && submission.attributes[attribute.code]?.isEmpty ?? true {
            throw Problem.badRequest("attribute[\(attribute.code)] is required for service \(category.code)", field: "attribute[\(attribute.code)]")
        }
        guard let coordinate = submission.coordinate else {
            throw Problem.badRequest("lat and long are required: this hub places every report on the map and has no geocoder", field: "lat")
        }
        let name = [submission.firstName, submission.lastName].compactMap { $0 }.joined(separator: " ")
        let contact = try ReporterContact(name: name.isEmpty ? nil : name, email: submission.email, phone: submission.phone)
        let preference: NotificationPreference = contact.email != nil ? try NotificationPreference(level: .everyStep, channel: .email) : .none
        var description = submission.description ?? category.name
        // The report has no field for service attributes; they stay with the description, so nothing is lost.
        let answers = category.attributes.compactMap { attribute in
            submission.attributes[attribute.code].map { "\(attribute.code)=\($0.joined(separator: ","))" }
        }
        if !answers.isEmpty { description += "\n[" + answers.joined(separator: "; ") + "]" }
        let reportID = ReportID.generate()
        let (_, last) = try await handler.submit(
            ReportCommand(
                reportID: reportID, actor: caller.actor, issuedAt: Date(),
                action: .submit(ReportSubmission(
                    municipality: municipality.code, channel: "open311", category: category.code, description: description,
                    location: try Location(latitude: coordinate.latitude, longitude: coordinate.longitude, address: submission.addressString),
                    photoURLs: submission.mediaURLs.map(\.absoluteString), contact: contact.isEmpty ? nil : contact,
                    notificationPreference: preference,
                    externalReference: try submission.accountID.map { try ExternalReference(system: "open311:\(caller.id)", id: $0) }))),
            routingTo: category.routeTo.flatMap(configuration.party), policy: municipality.policy,
            idempotencyKey: nil, metadata: EventMetadata(actor: caller.metadataActor, correlationID: context.id),
            correlationID: context.id)
        if let last { _ = await dependencies.waitUntilProjected(last, .seconds(3)) }
        let notice = municipality.policy.serviceLevels.serviceLevel(category: category.code, urgency: .normal)?.resolveWithin.map {
            "Verwachte afhandeling binnen \($0.seconds / 3600) uur."
        }
        return Open311Answer.document(
            [Open311RequestCreated(serviceRequestID: reportID.description, serviceNotice: notice, accountID: submission.accountID)],
            format, status: .created)
    }

    // MARK: helpers

    /// The municipality a request is about: `jurisdiction_id`, which may be left out when the hub serves one.
    func jurisdiction(_ form: Open311Form) throws -> MunicipalityConfig {
        if let id = form.value("jurisdiction_id") {
            guard let municipality = configuration.municipality(MunicipalityCode(id)) else {
                throw Problem.notFound("jurisdiction_id \(id) is not served here")
            }
            return municipality
        }
        guard configuration.municipalities.count == 1, let only = configuration.municipalities.first else {
            let codes = configuration.municipalities.map(\.code.rawValue).joined(separator: ", ")
            throw Problem.badRequest("jurisdiction_id is required: this endpoint serves several municipalities (\(codes))", field: "jurisdiction_id")
        }
        return only
    }

    /// The caller of a write: `api_key` in the form, else the request's own credentials; 403 without either.
    func keyedCaller(_ apiKey: String?, _ context: HubRequestContext) async throws -> Caller {
        if let apiKey {
            do {
                return try await AccessMiddleware(configuration: configuration, store: dependencies.store).caller(for: apiKey)
            } catch {
                throw Problem.forbidden("the api_key is not valid")
            }
        }
        guard context.caller.kind != .anonymous else { throw Problem.forbidden("api_key is required") }
        return context.caller
    }

    /// When this interface last changed (discovery's changeset).
    static let changeset = Date(timeIntervalSince1970: 1_795_392_000)
}

extension Open311Form {
    /// The query string as a form.
    init(query request: Request) throws {
        do { try self.init(urlEncoded: request.uri.query ?? "") } catch { throw Open311Answer.problem(error) }
    }

    /// A form-encoded body (and the query string's parameters after it, as some clients send `api_key` there).
    init(body request: Request, context: HubRequestContext) async throws {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        do {
            var form = try Open311Form(urlEncoded: Array(buffer.readableBytesView))
            form.parameters += try Open311Form(urlEncoded: request.uri.query ?? "").parameters
            self = form
        } catch {
            throw Open311Answer.problem(error)
        }
    }
}
