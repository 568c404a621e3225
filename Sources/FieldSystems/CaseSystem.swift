import Foundation
import Hummingbird
import Synchronization
import Webhooks

/// Melddesk, the municipality's case system: every event of its municipality's reports arrives
/// as a CloudEvent at `/api/hub/events` (adapters/melddesk-enschede.yaml); a new report becomes a
/// case, answered with the case number; the back office's status changes go back to the hub as
/// Melddesk's own "mutaties".
public final class CaseSystem: FieldSystem {
    public let displayName = "Melddesk"
    public static let adapter = "melddesk-enschede"
    /// The path of the adapter file's `outbound.url`.
    public static let deliveryPath = "/api/hub/events"
    /// Melddesk's category codes (as in the adapter file's `categories`).
    static let categories = ["afval.container": "AFV-CONTAINER", "verlichting.lantaarnpaal": "OV-LICHTPUNT", "weg.gat": "WEG-SCHADE", "idee.buurt": "IDEE"]
    let secret: WebhookSecret
    let hub: HubLink
    let timeline: Timeline
    private let state = Mutex(State())

    struct State {
        var cases: [String: Case] = [:]
        var order: [String] = []
        var nextNumber = 1
        /// From the clock, as the other simulators' numbers: the hub keeps the change ids it
        /// applied, and a later run on the same database must not repeat one.
        var nextChange = Int(Date().timeIntervalSince1970) % 100_000 * 10
    }

    public init(secret: WebhookSecret, hub: HubLink, timeline: Timeline) {
        self.secret = secret
        self.hub = hub
        self.timeline = timeline
    }

    public var cases: [Case] {
        state.withLock { state in state.order.compactMap { state.cases[$0] } }
    }

    public func `case`(for hubID: String) -> Case? {
        state.withLock { $0.cases[hubID] }
    }

    /// The back office changes the case's status; Melddesk tells the hub in its own words
    /// (`IN_BEHANDELING`, `AFGEHANDELD`, `ADMINISTRATIEF_GESLOTEN`, ...).
    @discardableResult
    public func setStatus(
        _ status: String, hubID: String, note: String? = nil, reason: String? = nil, plannedOn: Date? = nil, category: String? = nil,
        handler: String? = nil
    ) async throws
        -> HubLink.Answer
    {
        let (number, change) = state.withLock { state in
            defer { state.nextChange += 1 }
            return (state.cases[hubID]?.number ?? "?", "MUT-\(state.nextChange)")
        }
        var message: [String: Any] = ["mutatieId": change, "meldingId": hubID, "status": status, "gewijzigdOp": Date().formatted(.iso8601)]
        message["toelichting"] = note
        message["reden"] = reason
        message["geplandOp"] = plannedOn?.formatted(.iso8601)
        message["categorie"] = category
        message["behandelaar"] = handler
        let detail = [category.map { "categorie \($0)" }, handler.map { "behandelaar \($0)" }, note.map { "\"\($0)\"" }].compactMap { $0 }
        timeline.record(from: displayName, to: "hub", "case \(number): status \(status)\(detail.isEmpty ? "" : " " + detail.joined(separator: ", "))")
        let answer = try await hub.postSigned(adapter: Self.adapter, json: message, secret: secret, messageID: change)
        return try FieldSystemError.check(answer, system: displayName)
    }

    public func addRoutes(to router: Router<BasicRequestContext>) {
        router.post(RouterPath(Self.deliveryPath)) { request, context in
            try await self.receive(request, context: context)
        }
        router.get("simulator/cases") { _, _ in
            try Response.json(self.cases.map { item -> [String: Any] in
                var value: [String: Any] = ["number": item.number, "hub_id": item.hubID, "category": item.category, "log": item.log]
                value["reporter"] = item.reporterName
                return value
            })
        }
        router.post("simulator/cases/{hub_id}/{status}") { request, context in
            let input = try await request.jsonObject()
            let answer = try await self.setStatus(
                context.parameters.get("status") ?? "", hubID: context.parameters.get("hub_id") ?? "",
                note: input["note"] as? String, reason: input["reason"] as? String, category: input["category"] as? String,
                handler: input["handler"] as? String)
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
    }

    private func receive(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let event = try await ReceivedDelivery.verify(request, context: context, secret: secret).object()
        guard let hubID = event["subject"] as? String, let type = event["type"] as? String,
              let data = event["data"] as? [String: Any]
        else {
            throw HTTPError(.badRequest, message: "not a CloudEvent about a report")
        }
        // nl.meldingenhub.report.<EventType>.v<n>
        let eventType = type.split(separator: ".").dropLast().last.map(String.init) ?? type
        let words = Self.words(for: eventType, data: data)
        let (entry, isNew): (Case, Bool) = state.withLock { state in
            if var existing = state.cases[hubID] {
                existing.log.append(words)
                state.cases[hubID] = existing
                return (existing, false)
            }
            let category = (data["category"] as? String).map { Self.categories[$0] ?? $0 } ?? "?"
            let reporter = (data["contact"] as? [String: Any])?["name"] as? String
            let created = Case(
                number: String(format: "MD-2026-%04d", state.nextNumber), hubID: hubID, category: category, log: [words], reporterName: reporter)
            state.nextNumber += 1
            state.cases[hubID] = created
            state.order.append(hubID)
            return (created, true)
        }
        timeline.record(from: "hub", to: displayName, "case \(entry.number)\(isNew ? " (new, \(entry.category))" : ""): \(words)")
        let answer: [String: Any] = isNew ? ["zaaknummer": entry.number] : ["ok": true]
        return try Response.json(answer)
    }

    /// The case log's line for an event, as the back office reads it.
    static func words(for eventType: String, data: [String: Any]) -> String {
        switch eventType {
        case "ReportSubmitted": "nieuwe melding \"\(data["description"] as? String ?? "")\""
        case "ReportAcknowledged": "in behandeling"
        case "ReportForwarded": "doorgezet naar \((data["party"] as? [String: Any])?["display_name"] as? String ?? "een externe partij")"
        case "WorkScheduled": "ingepland door de aannemer"
        case "StatusUpdated": "voortgang gemeld"
        case "WorkCompletedByParty": "gereed gemeld door de aannemer"
        case "WorkRejectedByParty": "teruggestuurd door de aannemer: \"\(data["reason"] as? String ?? "")\""
        case "ResolutionConfirmed": "de melder bevestigt: opgelost"
        case "ReportReopened": "heropend"
        case "ReportClosed": "gesloten (\(data["reason"] as? String ?? ""))"
        case "ReportMerged": "samengevoegd met een hoofdmelding"
        case "ExternalIDLinked":
            "nummer van \(data["system"] as? String ?? "?") gekoppeld: \(data["external_id"] as? String ?? "?")"
        default: eventType
        }
    }
}
