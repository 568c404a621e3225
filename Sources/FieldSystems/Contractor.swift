import Foundation
import Hummingbird
import Synchronization
import Webhooks

/// A contractor's system (street lighting, waste): takes work orders for its categories, answers
/// with its own number, and reports its steps back in its own words. It can be switched off
/// ("down for a while"): it then answers 503 and the hub keeps its backlog.
public final class Contractor: FieldSystem {
    public let dialect: ContractorDialect
    let secret: WebhookSecret
    let hub: HubLink
    let timeline: Timeline
    private let state = Mutex(State())

    struct State {
        var orders: [String: WorkOrder] = [:]
        var numbers: [String] = []
        var bodies: [String] = []
        var available = true
        /// Numbers from the clock, as the app's: the demo's embedded database keeps earlier runs'
        /// reports, and a number linked to one of them must not come back for a new order.
        var nextNumber = Int(Date().timeIntervalSince1970) % 100_000 * 10
    }

    public init(_ dialect: ContractorDialect, secret: WebhookSecret, hub: HubLink, timeline: Timeline) {
        self.dialect = dialect
        self.secret = secret
        self.hub = hub
        self.timeline = timeline
    }

    public var displayName: String { dialect.displayName }

    /// The work orders, in the order they arrived.
    public var orders: [WorkOrder] {
        state.withLock { state in state.numbers.compactMap { state.orders[$0] } }
    }

    public func order(for hubID: String) -> WorkOrder? {
        state.withLock { $0.orders.values.first { $0.hubID == hubID } }
    }

    /// Every body the hub delivered, as received: what this party was told, word for word.
    public var deliveredBodies: [String] {
        state.withLock { $0.bodies }
    }

    /// Down (503 to every delivery) or up again.
    public func setAvailable(_ available: Bool) {
        state.withLock { $0.available = available }
        timeline.record(from: displayName, to: "—", available ? "is back up" : "is down (answers 503)")
    }

    /// Reports a step of the work on a report's order, in the contractor's words.
    @discardableResult
    public func report(_ step: ContractorStep, hubID: String, date: Date? = nil, note: String? = nil, photoURL: String? = nil) async throws
        -> HubLink.Answer
    {
        guard let order = order(for: hubID) else {
            throw FieldSystemError(system: displayName, status: 0, detail: "no work order for report \(hubID)")
        }
        let messageID = "\(dialect.orderPrefix)-M-\(UUID().uuidString.prefix(8).lowercased())"
        let message = dialect.update(step, order: order, messageID: messageID, date: date, note: note, photoURL: photoURL, at: Date())
        var words = "\(dialect.code(step)) for \(order.number)"
        if let date { words += ", on \(date.formatted(.iso8601.year().month().day()))" }
        if let note { words += ": \"\(note)\"" }
        if let photoURL { words += " + photo \(photoURL)" }
        timeline.record(from: displayName, to: "hub", words)
        let answer = try await hub.postSigned(adapter: dialect.adapter, json: message, secret: secret, messageID: messageID)
        state.withLock { $0.orders[order.number]?.status = dialect.code(step) }
        return try FieldSystemError.check(answer, system: displayName)
    }

    public func addRoutes(to router: Router<BasicRequestContext>) {
        router.post(RouterPath(dialect.deliveryPath)) { request, context in
            try await self.receive(request, context: context)
        }
        router.get("simulator/orders") { _, _ in
            try Response.json(self.orders.map { order -> [String: Any] in
                var item: [String: Any] = ["number": order.number, "hub_id": order.hubID, "status": order.status, "received": order.received]
                item["reporter"] = order.reporterName
                return item
            })
        }
        router.post("simulator/orders/{hub_id}/{step}") { request, context in
            let hubID = context.parameters.get("hub_id") ?? ""
            guard let step = context.parameters.get("step").flatMap(ContractorStep.init(rawValue:)) else {
                throw HTTPError(.notFound, message: "steps: \(ContractorStep.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let input = try await request.jsonObject()
            let answer = try await self.report(
                step, hubID: hubID, date: (input["date"] as? String).flatMap { try? Date($0, strategy: .iso8601) },
                note: input["note"] as? String, photoURL: input["photo_url"] as? String)
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
    }

    private func receive(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let delivery = try await ReceivedDelivery.verify(request, context: context, secret: secret)
        guard state.withLock({ $0.available }) else {
            return Response(status: .serviceUnavailable)
        }
        let message = try delivery.object()
        guard let (hubID, isNew, words) = dialect.read(message) else {
            throw HTTPError(.badRequest, message: "not a \(displayName) work order")
        }
        let reporter = ((message["melder"] as? [String: Any])?["naam"] as? String)
        let text = String(decoding: delivery.body, as: UTF8.self)
        let number: String = state.withLock { state in
            state.bodies.append(text)
            if let existing = state.orders.values.first(where: { $0.hubID == hubID }) {
                state.orders[existing.number]?.received.append(words)
                state.orders[existing.number]?.status = words
                return existing.number
            }
            let number = "\(dialect.orderPrefix)-\(state.nextNumber)"
            state.nextNumber += 1
            state.orders[number] = WorkOrder(number: number, hubID: hubID, status: words, received: [words], reporterName: reporter)
            state.numbers.append(number)
            return number
        }
        let who = reporter.map { "reporter \($0)" } ?? "no personal data"
        timeline.record(from: "hub", to: displayName, "\(words) → order \(number) (\(who))")
        let answer: [String: Any] = isNew ? dialect.answer(number: number) : ["ok": true]
        return try Response.json(answer)
    }
}
