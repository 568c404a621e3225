import Foundation
import HubConfig
import Projections
import ReportDomain

/// `GET /api/v1/reports?…` read into a search, narrowed to what the caller may see: a party only
/// its own reports, a municipality key only its municipalities, and the public only public views
/// of municipalities that show status publicly.
struct ReportSearchQuery {
    var search: ReportSearch
    var view: Caller.View

    static func parse(_ query: QueryParameters, caller: Caller, configuration: HubConfiguration) throws -> ReportSearchQuery {
        var search = ReportSearch(limit: try query.int("limit", in: 1...200) ?? 50, offset: try query.int("offset", in: 0...10_000) ?? 0)
        search.cursor = query.string("cursor")
        search.includeTotal = try query.bool("total") ?? false
        if let number = query.string("number") {
            let hex = number.filter { $0 != "-" }
            guard hex.count >= 8, hex.allSatisfy(\.isHexDigit) else {
                throw Problem.badRequest("number must be a report number or at least its first 8 characters, but was \"\(number)\"", field: "number")
            }
            search.reportNumber = number.lowercased()
        }
        search.externalID = query.string("external_id")
        search.externalSystem = query.string("external_system")
        search.address = query.string("address")
        search.text = query.string("text")
        if let near = query.string("near") {
            let parts = near.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 2, let latitude = parts[0], let longitude = parts[1],
                  (-90...90).contains(latitude), (-180...180).contains(longitude)
            else {
                throw Problem.badRequest("near must be \"latitude,longitude\" in WGS84 degrees, such as 52.2215,6.8937, but was \"\(near)\"", field: "near")
            }
            search.near = .init(latitude: latitude, longitude: longitude, radiusMetres: try query.double("radius", in: 1...50_000) ?? 250)
        } else if query.string("radius") != nil {
            throw Problem.badRequest("radius needs near", field: "radius")
        }
        search.statuses = try query.list("status").map { text in
            guard let status = ReportStatus(rawValue: text) else {
                throw Problem.badRequest("status must be one of \(ReportStatus.allCases.map(\.rawValue).joined(separator: ", ")), but was \"\(text)\"", field: "status")
            }
            return status
        }
        search.publicStatuses = try query.list("public_status").map { text in
            guard let status = PublicStatusKind(rawValue: text) else {
                throw Problem.badRequest("public_status must be one of \(PublicStatusKind.allCases.map(\.rawValue).joined(separator: ", ")), but was \"\(text)\"", field: "public_status")
            }
            return status
        }
        search.categories = query.list("category").map(CategoryCode.init)
        search.party = query.string("party").map(PartyID.init)
        search.submittedFrom = try query.date("submitted_from")
        search.submittedBefore = try query.date("submitted_to")
        if let from = search.submittedFrom, let to = search.submittedBefore, from > to {
            throw Problem.badRequest("submitted_from is after submitted_to", field: "submitted_from")
        }

        var municipalities = query.list("municipality").map(MunicipalityCode.init)
        for code in municipalities where configuration.municipality(code) == nil {
            throw Problem.badRequest("municipality \"\(code)\" is not connected to this hub", field: "municipality")
        }
        if let scope = caller.municipalities {
            municipalities = municipalities.isEmpty ? Array(scope) : municipalities.filter(scope.contains)
        }
        let view: Caller.View
        switch caller.kind {
        case .key(role: .admin), .key(role: .municipality):
            view = .internal
            search.documents = .all
        case .key(role: .party):
            search.visibleToParty = caller.party
            let agreement = caller.party.flatMap(configuration.party)?.processingAgreement ?? false
            view = agreement ? .internal : .internalRedacted
            search.documents = .all
        default:
            // The public searches only where status is public, and never on personal data.
            let open = configuration.municipalities.filter { !$0.policy.publicStatus.requiresLogin }.map(\.code)
            municipalities = municipalities.isEmpty ? open : municipalities.filter(open.contains)
            if search.externalID != nil || !search.statuses.isEmpty || search.party != nil {
                throw Problem.forbidden("searching by external id, internal status or party needs an API key of a municipality or a party")
            }
            view = .public
            search.documents = .publicOnly
        }
        search.municipalities = municipalities
        return ReportSearchQuery(search: search, view: view)
    }
}
