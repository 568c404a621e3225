import Foundation
import Hummingbird
import Synchronization

/// Rotterdam's case system, a FixMyStreet-style Open311 back end: it speaks GeoReport v2 with
/// mySociety's updates extension (JSON), and knows nothing of the hub. The hub is its Open311
/// client (adapters/open311-rotterdam.yaml): it posts new reports to `requests.json`, posts the
/// reporter's comments, reopenings and confirmations to `servicerequestupdates.json`, and reads the
/// back office's own updates from `GET servicerequestupdates.json?start_date=`.
///
/// As a real back end: `api_key` is required on every call (403 otherwise), errors are GeoReport's
/// `[{code, description}]`, an update naming an unknown request is a 400, and a repeated `update_id`
/// is answered with the first answer, not applied twice. It can be down for a while (503).
public final class Open311Backend: FieldSystem {
    public let displayName = "Open311 Rotterdam"
    public static let adapter = "open311-rotterdam"
    /// The base path of the adapter file's addresses.
    public static let basePath = "/open311/v2"
    let apiKey: String
    let timeline: Timeline
    private let state = Mutex(State())

    /// One service request as the back end keeps it.
    public struct ServiceRequest: Sendable, Equatable {
        public var id: String
        public var serviceCode: String
        public var description: String
        public var address: String?
        public var mediaURL: String?
        public var email: String?
        /// The client's own id for the report (`attribute[hub_report_id]`), when it sent one.
        public var hubReportID: String?
        /// `open` or `closed`, as GeoReport v2 has it.
        public var status: String
        /// The updates the client posted, each `STATUS: description` with the request id it named.
        public var updatesReceived: [String]
    }

    /// An update the back office made, as `GET servicerequestupdates` lists it.
    struct Update {
        var id: String
        var requestID: String
        var status: String
        var description: String?
        var mediaURL: String?
        var at: Date
        var fetched = false
    }

    struct State {
        var requests: [String: ServiceRequest] = [:]
        var order: [String] = []
        var updates: [Update] = []
        /// The client's `update_id` → the answer it got, so a repeat is not applied twice.
        var answeredUpdates: [String: String] = [:]
        /// From the clock, as the app's and the contractors' numbers (see `Contractor`).
        var nextRequest = Int(Date().timeIntervalSince1970) % 100_000 * 10
        /// From the clock too: the hub keeps the update ids it applied, and a second demo run on
        /// the same database must not have its updates taken for repeats of the first run's.
        var nextUpdate = Int(Date().timeIntervalSince1970) % 100_000 * 10
        var available = true
        var rejectedKeys = 0
    }

    public init(apiKey: String, timeline: Timeline) {
        self.apiKey = apiKey
        self.timeline = timeline
    }

    public var requests: [ServiceRequest] {
        state.withLock { state in state.order.compactMap { state.requests[$0] } }
    }

    /// The request made for a report, found by the hub's id the client sent as `attribute[hub_report_id]`.
    public func request(forHubID hubID: String) -> ServiceRequest? {
        requests.first { $0.hubReportID == hubID }
    }

    /// How many calls came without the right `api_key`.
    public var rejectedKeys: Int {
        state.withLock { $0.rejectedKeys }
    }

    /// Down (every call answers 503) or back up.
    public func setAvailable(_ available: Bool) {
        state.withLock { $0.available = available }
        timeline.record(from: displayName, to: "—", available ? "is back up" : "is down (answers 503)")
    }

    /// The back office changes a request's status (`fixed`, `closed`, `in_progress`, …); the
    /// hub reads it at its next poll.
    public func update(_ requestID: String, status: String, description: String? = nil, mediaURL: String? = nil) {
        state.withLock { state in
            let id = "RTM-UPD-\(state.nextUpdate)"
            state.nextUpdate += 1
            // Distinct, increasing moments: the hub pages by them (start_date).
            let at = max(Date(), (state.updates.last?.at ?? .distantPast).addingTimeInterval(0.001))
            state.updates.append(Update(id: id, requestID: requestID, status: status.lowercased(), description: description, mediaURL: mediaURL, at: at))
            if ["closed", "fixed", "duplicate", "not_councils_responsibility", "no_further_action", "cancelled"].contains(status.lowercased()) {
                state.requests[requestID]?.status = "closed"
            } else if status.lowercased() == "reopen" {
                state.requests[requestID]?.status = "open"
            }
        }
    }

    public func addRoutes(to router: Router<BasicRequestContext>) {
        let base = RouterPath(Self.basePath)
        router.post("\(base)/requests.json") { request, _ in
            try await self.createRequest(try await self.form(request))
        }
        router.post("\(base)/servicerequestupdates.json") { request, _ in
            try await self.receiveUpdate(try await self.form(request))
        }
        router.get("\(base)/servicerequestupdates.json") { request, _ in
            try self.listUpdates(start: request.uri.queryParameters.get("start_date"), key: request.uri.queryParameters.get("api_key"))
        }
        router.get("\(base)/requests.json") { _, _ in
            try Response.json(self.requests.map { item -> [String: Any] in
                var value: [String: Any] = ["service_request_id": item.id, "service_code": item.serviceCode, "status": item.status, "description": item.description]
                value["address"] = item.address
                value["media_url"] = item.mediaURL
                return value
            })
        }
        // The back office's screen: a status change by hand.
        router.post("simulator/requests/{id}/{status}") { request, context in
            let input = try await request.jsonObject()
            let id = context.parameters.get("id") ?? ""
            guard self.state.withLock({ $0.requests[id] }) != nil else { return try Self.error(404, "no service request \(id)") }
            self.update(id, status: context.parameters.get("status") ?? "", description: input["description"] as? String)
            return try Response.json(["ok": true])
        }
    }

    /// A form body, after the checks every POST gets: up, and the right `api_key`.
    private func form(_ request: Request) async throws -> [String: String] {
        guard state.withLock({ $0.available }) else {
            throw Open311Error(status: 503, description: "down for maintenance")
        }
        let body = String(decoding: Array(buffer: try await request.body.collect(upTo: 1 << 20)), as: UTF8.self)
        var components = URLComponents()
        components.percentEncodedQuery = body.replacingOccurrences(of: "+", with: "%20")
        var fields: [String: String] = [:]
        for item in components.queryItems ?? [] { fields[item.name] = item.value ?? "" }
        guard fields["api_key"] == apiKey else {
            state.withLock { $0.rejectedKeys += 1 }
            throw Open311Error(status: 403, description: "api_key is missing or not known")
        }
        return fields
    }

    private func createRequest(_ fields: [String: String]) async throws -> Response {
        guard let code = fields["service_code"], !code.isEmpty else {
            return try Self.error(400, "service_code is required")
        }
        guard (fields["lat"] != nil && fields["long"] != nil) || fields["address_string"] != nil else {
            return try Self.error(400, "a location is required: lat and long, or address_string")
        }
        let created: ServiceRequest = state.withLock { state in
            let id = "RTM-\(state.nextRequest)"
            state.nextRequest += 1
            let request = ServiceRequest(
                id: id, serviceCode: code, description: fields["description"] ?? "", address: fields["address_string"],
                mediaURL: fields["media_url"], email: fields["email"], hubReportID: fields["attribute[hub_report_id]"], status: "open",
                updatesReceived: [])
            state.requests[id] = request
            state.order.append(id)
            return request
        }
        timeline.record(
            from: "hub", to: displayName,
            "POST requests: \(created.id) (new, \(code)) \"\(created.description)\"\(created.address.map { " at \($0)" } ?? "")"
                + (created.email == nil ? "" : ", reporter's e-mail"))
        return try Response.json([["service_request_id": created.id, "service_notice": "Uw melding is geregistreerd als \(created.id)."]])
    }

    private func receiveUpdate(_ fields: [String: String]) async throws -> Response {
        guard let requestID = fields["service_request_id"], !requestID.isEmpty else {
            return try Self.error(400, "service_request_id is required")
        }
        guard let updateID = fields["update_id"], !updateID.isEmpty, let status = fields["status"], !status.isEmpty else {
            return try Self.error(400, "update_id and status are required")
        }
        enum Outcome { case unknown, repeated(String), applied(String) }
        let outcome: Outcome = state.withLock { state in
            if let earlier = state.answeredUpdates[updateID] { return .repeated(earlier) }
            guard state.requests[requestID] != nil else { return .unknown }
            let ours = "RTM-UPD-\(state.nextUpdate)"
            state.nextUpdate += 1
            state.answeredUpdates[updateID] = ours
            state.requests[requestID]?.updatesReceived.append("\(status): \(fields["description"] ?? "")")
            if status == "REOPEN" { state.requests[requestID]?.status = "open" }
            return .applied(ours)
        }
        switch outcome {
        case .unknown:
            return try Self.error(400, "service_request_id \(requestID) is not a request of this jurisdiction")
        case .repeated(let ours):
            return try Response.json([["update_id": ours]])
        case .applied(let ours):
            timeline.record(from: "hub", to: displayName, "POST servicerequestupdates: \(requestID) \(status) \"\(fields["description"] ?? "")\"")
            return try Response.json([["update_id": ours]])
        }
    }

    /// The back office's updates from `start_date` on (inclusive, as FixMyStreet reads it), oldest first.
    private func listUpdates(start: String?, key: String?) throws -> Response {
        guard state.withLock({ $0.available }) else {
            throw Open311Error(status: 503, description: "down for maintenance")
        }
        guard key == apiKey else {
            state.withLock { $0.rejectedKeys += 1 }
            throw Open311Error(status: 403, description: "api_key is missing or not known")
        }
        var from = Date.distantPast
        if let start, !start.isEmpty {
            guard let date = Self.moment(start) else { return try Self.error(400, "start_date must be an ISO 8601 moment, not \(start)") }
            from = date
        }
        let (listed, firstTime): ([Update], [Update]) = state.withLock { state in
            var firstTime: [Update] = []
            for index in state.updates.indices where state.updates[index].at >= from && !state.updates[index].fetched {
                state.updates[index].fetched = true
                firstTime.append(state.updates[index])
            }
            return (state.updates.filter { $0.at >= from }, firstTime)
        }
        for update in firstTime {
            timeline.record(
                from: displayName, to: "hub",
                "GET servicerequestupdates: \(update.requestID) \(update.status)\(update.description.map { " \"\($0)\"" } ?? "")")
        }
        return try Response.json(listed.map { update -> [String: Any] in
            var value: [String: Any] = [
                "update_id": update.id, "service_request_id": update.requestID, "status": update.status,
                "updated_datetime": update.at.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)),
            ]
            value["description"] = update.description
            value["media_url"] = update.mediaURL
            return value
        })
    }

    static func moment(_ text: String) -> Date? {
        (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)) ?? (try? Date.ISO8601FormatStyle().parse(text))
    }

    /// GeoReport v2's error body.
    static func error(_ status: Int, _ description: String) throws -> Response {
        try Response.json([["code": status, "description": description]], status: HTTPResponse.Status(code: status))
    }

    struct Open311Error: HTTPResponseError {
        var status: HTTPResponse.Status
        var description: String

        init(status: Int, description: String) {
            self.status = HTTPResponse.Status(code: status)
            self.description = description
        }

        func response(from request: Request, context: some RequestContext) throws -> Response {
            try Open311Backend.error(status.code, description)
        }
    }
}
