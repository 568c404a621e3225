import Foundation
import Hummingbird
import Synchronization
import Webhooks

/// A Verbeterdebuurt-style public reporting app: its users' reports go to the hub's native API
/// with the app's key; every public change comes back to `/hub/status` in the app's own format
/// (adapters/verbeterdebuurt.yaml), and the app tells its user only what the hub says to tell
/// (the reporter's notification choice). The user confirms or reopens through the app.
public final class ReportingApp: FieldSystem {
    public let displayName = "Verbeterdebuurt"
    /// The path of adapters/verbeterdebuurt.yaml's `outbound.url`.
    public static let deliveryPath = "/hub/status"
    let secret: WebhookSecret
    let apiKey: String
    let hub: HubLink
    let timeline: Timeline
    private let state = Mutex(State())

    struct State {
        var reports: [String: AppReport] = [:]
        var numbers: [String] = []
        /// Numbers from the clock, so that a demo run on a database with earlier runs' reports
        /// never reuses an earlier number.
        var nextNumber = Int(Date().timeIntervalSince1970) % 100_000 * 10
    }

    public init(secret: WebhookSecret, apiKey: String, hub: HubLink, timeline: Timeline) {
        self.secret = secret
        self.apiKey = apiKey
        self.hub = hub
        self.timeline = timeline
    }

    public var reports: [AppReport] {
        state.withLock { state in state.numbers.compactMap { state.reports[$0] } }
    }

    public func report(_ number: String) -> AppReport? {
        state.withLock { $0.reports[number] }
    }

    /// A user's report, sent to the hub; the app's number for it.
    public func submit(_ submission: AppSubmission) async throws -> AppReport {
        let number = state.withLock { state in
            defer { state.nextNumber += 1 }
            return "VBD-\(state.nextNumber)"
        }
        var location: [String: Any] = ["latitude": submission.latitude, "longitude": submission.longitude]
        location["address"] = submission.address
        location["postcode"] = submission.postcode
        var body: [String: Any] = [
            "municipality": submission.municipality, "category": submission.category, "description": submission.description,
            "channel": "app", "location": location, "photo_urls": submission.photoURLs,
            "external_reference": ["system": "verbeterdebuurt", "id": number],
            "notification_preference": submission.notify == "none" ? ["level": "none"] : ["level": submission.notify, "channel": "app"],
        ]
        if submission.reporterName != nil || submission.reporterEmail != nil {
            var contact: [String: Any] = [:]
            contact["name"] = submission.reporterName
            contact["email"] = submission.reporterEmail
            body["contact"] = contact
        }
        timeline.record(
            from: displayName, to: "hub",
            "new report \(number): \(submission.category) \"\(submission.description)\"\(submission.address.map { " at \($0)" } ?? "")"
                + "\(submission.photoURLs.isEmpty ? "" : " + photo"), notify: \(submission.notify)")
        // Kept before it is sent: the hub's first status messages may arrive before its answer.
        state.withLock { state in
            state.reports[number] = AppReport(
                number: number, hubID: "", reporterToken: "", status: "verstuurd", statusText: "Verstuurd", fixPhotoURL: nil, statuses: [],
                notifications: [], sequence: 0)
            state.numbers.append(number)
        }
        do {
            let answer = try FieldSystemError.check(try await hub.post("/api/v1/reports", json: body, bearer: apiKey), system: displayName)
            guard let json = answer.json, let id = (json["report"] as? [String: Any])?["id"] as? String,
                  let token = json["reporter_token"] as? String
            else {
                throw FieldSystemError(system: displayName, status: answer.status, detail: "the answer has no report id or reporter_token: \(answer.text)")
            }
            return state.withLock { state in
                state.reports[number]?.hubID = id
                state.reports[number]?.reporterToken = token
                return state.reports[number]!
            }
        } catch {
            state.withLock { state in
                state.reports[number] = nil
                state.numbers.removeAll { $0 == number }
            }
            throw error
        }
    }

    /// A user's idea for the neighbourhood: not a defect, so no contractor; the municipality
    /// answers it. Sent as a report in the idea category (`idee.buurt` in deploy/hub.yaml).
    public func submitIdea(_ description: String, latitude: Double, longitude: Double, address: String?, reporterName: String?) async throws
        -> AppReport
    {
        try await submit(AppSubmission(
            category: "idee.buurt", description: description, latitude: latitude, longitude: longitude, address: address,
            reporterName: reporterName, notify: "only_resolution"))
    }

    /// The user says it is fixed.
    public func confirm(_ number: String) async throws {
        try await act(number, "confirm", [:], words: "the user confirms it is fixed")
    }

    /// The user says it is not fixed.
    public func reopen(_ number: String, reason: String) async throws {
        try await act(number, "reopen", ["reason": reason], words: "the user reopens it: \"\(reason)\"")
    }

    /// The user adds something for everyone to read.
    public func comment(_ number: String, _ text: String) async throws {
        try await act(number, "comments", ["text": text, "visibility": "public"], words: "the user adds: \"\(text)\"")
    }

    private func act(_ number: String, _ command: String, _ body: [String: Any], words: String) async throws {
        guard let report = report(number) else {
            throw FieldSystemError(system: displayName, status: 0, detail: "the app has no report \(number)")
        }
        timeline.record(from: displayName, to: "hub", "\(number): \(words)")
        _ = try FieldSystemError.check(
            try await hub.post("/api/v1/reports/\(report.hubID)/\(command)", json: body, bearer: report.reporterToken), system: displayName)
    }

    public func addRoutes(to router: Router<BasicRequestContext>) {
        router.post(RouterPath(Self.deliveryPath)) { request, context in
            try await self.receive(request, context: context)
        }
        router.get("simulator/reports") { _, _ in
            try Response.json(self.reports.map { report -> [String: Any] in
                var item: [String: Any] = [
                    "number": report.number, "hub_id": report.hubID, "status": report.status, "status_text": report.statusText,
                    "statuses": report.statuses, "notifications": report.notifications,
                ]
                item["fix_photo_url"] = report.fixPhotoURL
                return item
            })
        }
    }

    private func receive(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let message = try await ReceivedDelivery.verify(request, context: context, secret: secret).object()
        guard let hubID = message["hub_id"] as? String, let status = message["status"] as? String else {
            throw HTTPError(.badRequest, message: "a status message needs hub_id and status")
        }
        let text = message["status_tekst"] as? String ?? status
        let sequence = message["volgnummer"] as? Int ?? 0
        let photo = (message["foto_oplossing"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        let notify = message["melder_informeren"] as? Bool ?? false
        let number = message["melding"] as? String
        let shown: AppReport? = state.withLock { state in
            guard let number = state.reports.values.first(where: { $0.hubID == hubID || $0.number == number })?.number,
                  var report = state.reports[number]
            else { return nil }
            report.hubID = hubID
            report.statuses.append(status)
            if sequence >= report.sequence {
                report.sequence = sequence
                report.status = status
                report.statusText = text
                if let photo { report.fixPhotoURL = photo }
            }
            if notify { report.notifications.append(text) }
            state.reports[number] = report
            return report
        }
        guard let shown else {
            // Not one of the app's own reports (submitted elsewhere): nothing to show.
            return try Response.json(["ok": true, "known": false])
        }
        timeline.record(from: "hub", to: displayName, "\(shown.number): \(status) \"\(text)\"\(photo.map { " + photo \($0)" } ?? "")")
        if notify {
            timeline.record(from: displayName, to: "the reporter", "push message: \"\(text)\"")
        }
        return try Response.json(["ok": true])
    }
}
