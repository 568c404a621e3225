import Foundation
import HubConfig
import Hummingbird
import Open311
import Projections
import ReportDomain

extension Open311Routes {
    /// `GET /requests`: the spec's filters within the caller's view; by default the last 90 days or
    /// the first 1000, whichever is smaller.
    func requests(_ format: Open311Format, _ request: Request, _ context: HubRequestContext) async throws -> Response {
        let form = try Open311Form(query: request)
        let query: Open311RequestQuery
        do { query = try Open311RequestQuery.parse(form) } catch { throw Open311Answer.problem(error) }
        let municipality = try jurisdiction(form)
        let caller = try await readingCaller(form, context)
        if !query.serviceRequestIDs.isEmpty {
            var found: [Open311ServiceRequest] = []
            for text in query.serviceRequestIDs.prefix(query.limit) {
                if let id = ReportID(text), let row = try await visibleSummary(id, caller: caller), row.municipality == municipality.code {
                    found.append(serviceRequest(row, municipality))
                }
            }
            return Open311Answer.document(found, format)
        }
        let window = query.dateRange(now: Date())
        var search = try scopedSearch(caller, municipality)
        search.categories = query.serviceCodes.map(CategoryCode.init)
        search.submittedFrom = window.lowerBound
        search.submittedBefore = window.upperBound
        search.limit = 200
        var results: [Open311ServiceRequest] = []
        while results.count < query.limit {
            let page = try await dependencies.queries.search(search)
            for summary in page.items where query.statuses.isEmpty || query.statuses.contains(Self.status(summary)) {
                results.append(serviceRequest(summary, municipality))
            }
            guard page.hasMore, let next = page.nextCursor else { break }
            search.cursor = next
        }
        return Open311Answer.document(Array(results.prefix(query.limit)), format)
    }

    /// `GET /requests/{id}`: the same list with one element.
    func oneRequest(_ format: Open311Format, _ request: Request, _ context: HubRequestContext) async throws -> Response {
        let (row, municipality) = try await namedRequest(parameter: "service_request_id", request, context)
        return Open311Answer.document([serviceRequest(row, municipality)], format)
    }

    /// `GET /tokens/{token}`: this hub answers POST /requests with the id at once, so a token is the id.
    func token(_ format: Open311Format, _ request: Request, _ context: HubRequestContext) async throws -> Response {
        let (row, _) = try await namedRequest(parameter: "token", request, context)
        return Open311Answer.document([Open311Token(serviceRequestID: row.id.description, token: row.id.description)], format)
    }

    /// The request a path parameter names, if the caller may see it in the jurisdiction; else 404.
    private func namedRequest(parameter: String, _ request: Request, _ context: HubRequestContext) async throws -> (ReportSummary, MunicipalityConfig) {
        let form = try Open311Form(query: request)
        let municipality = try jurisdiction(form)
        let caller = try await readingCaller(form, context)
        let text = context.parameters.get(parameter) ?? ""
        guard let id = ReportID(text), let row = try await visibleSummary(id, caller: caller), row.municipality == municipality.code else {
            throw Problem.notFound("\(parameter) \(text) does not exist")
        }
        return (row, municipality)
    }

    /// `GET /servicerequestupdates`: the public timeline entries in the window, oldest first.
    func updates(_ format: Open311Format, _ request: Request, _ context: HubRequestContext) async throws -> Response {
        let form = try Open311Form(query: request)
        let query: Open311UpdateQuery
        do { query = try Open311UpdateQuery.parse(form) } catch { throw Open311Answer.problem(error) }
        let municipality = try jurisdiction(form)
        let caller = try await readingCaller(form, context)
        let scope = try scopedSearch(caller, municipality)
        let window = query.dateRange(now: Date())
        let entries = try await dependencies.queries.publicUpdates(
            municipality: municipality.code, visibleToParty: scope.visibleToParty,
            from: window.lowerBound, to: window.upperBound, limit: query.limit)
        let updates = entries.map { entry in
            Open311RequestUpdate(
                updateID: entry.eventID.uuidString.lowercased(), serviceRequestID: entry.reportID.description,
                status: Self.extendedStatus(entry), updatedDatetime: entry.occurredAt,
                description: entry.publicNote ?? entry.publicSummary,
                mediaURL: entry.photoURL.flatMap(URL.init(string:)), externalStatusCode: entry.eventType)
        }
        return Open311Answer.document(updates, format)
    }

    // MARK: mapping

    func serviceRequest(_ row: ReportSummary, _ municipality: MunicipalityConfig) -> Open311ServiceRequest {
        let photo = row.completionPhotoURL ?? row.publicDocument?.photoURLs.first
        return Open311ServiceRequest(
            serviceRequestID: row.id.description, status: Self.status(row), statusNotes: row.publicLabel,
            serviceName: municipality.category(row.category)?.name, serviceCode: row.category.rawValue,
            description: row.description, agencyResponsible: row.assignedPartyName ?? municipality.name,
            serviceNotice: nil, requestedDatetime: row.submittedAt, updatedDatetime: row.updatedAt,
            expectedDatetime: row.resolveBy, address: row.address, addressID: nil, zipcode: row.postcode,
            latitude: row.latitude, longitude: row.longitude, mediaURL: photo.flatMap(URL.init(string:)))
    }

    static func status(_ row: ReportSummary) -> Open311RequestStatus {
        row.open311Status == .closed ? .closed : .open
    }

    /// The updates extension's status for a timeline entry; "fixed" only for a reported or confirmed fix.
    static func extendedStatus(_ entry: PublicUpdate) -> Open311ExtendedStatus {
        switch entry.eventType {
        case "ReportSubmitted", "ReportAcknowledged", "ReportCategorised": .open
        case "ReportAssigned", "ReportForwarded", "StatusUpdated", "WorkRejectedByParty": .inProgress
        case "WorkScheduled": .actionScheduled
        case "WorkCompletedByParty", "ResolutionConfirmed": .fixed
        case "ReportClosed": entry.closureReason.map(Self.closedStatus) ?? .closed
        case "ReportReopened": .reopen
        case "ReportMerged": .duplicate
        default: .unchanged
        }
    }

    private static func closedStatus(_ reason: ClosureReason) -> Open311ExtendedStatus {
        switch reason {
        case .resolved: .fixed
        case .duplicate: .duplicate
        case .notMunicipalResponsibility: .notCouncilsResponsibility
        case .noFurtherAction: .noFurtherAction
        case .administrative: .closed
        }
    }

    // MARK: access

    /// The caller of a read: `api_key` in the query, or the request's credentials, or anonymous.
    func readingCaller(_ form: Open311Form, _ context: HubRequestContext) async throws -> Caller {
        guard let key = form.value("api_key") else { return context.caller }
        return try await keyedCaller(key, context)
    }

    /// A search limited to what the caller may see in this municipality.
    func scopedSearch(_ caller: Caller, _ municipality: MunicipalityConfig) throws -> ReportSearch {
        guard caller.view(of: ReportID.generate(), municipality: municipality.code, involvedParties: caller.party.map { [$0] } ?? [], configuration: configuration) != nil else {
            throw Problem.forbidden("\(municipality.name) shows requests only with an api_key")
        }
        var search = ReportSearch(municipalities: [municipality.code], documents: .publicOnly)
        if caller.role == .party { search.visibleToParty = caller.party }
        return search
    }

    func visibleSummary(_ id: ReportID, caller: Caller) async throws -> ReportSummary? {
        var search = ReportSearch(reportNumber: id.description, limit: 1, documents: .publicOnly)
        if caller.role == .party { search.visibleToParty = caller.party }
        guard let row = try await dependencies.queries.search(search).items.first, row.id == id,
              caller.view(of: id, municipality: row.municipality, involvedParties: row.involvedParties, configuration: configuration) != nil
        else { return nil }
        return row
    }
}
