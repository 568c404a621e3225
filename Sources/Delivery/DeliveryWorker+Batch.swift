import Adapters
import Curl
import Foundation
import Logging
import Metrics
import Postgres
import ReportDomain
import Webhooks

extension DeliveryWorker {
    /// Claims, sends and records one batch of the adapter's deliveries; the number sent.
    func deliverBatch(_ target: DeliveryTarget, limit: Int) async throws -> Int {
        let endpoint = target.endpoint
        let lease = RetrySchedule.seconds(endpoint.options.timeout + endpoint.options.connectTimeout) + 30
        let claim: PGQuery = "SELECT * FROM hub.claim_deliveries(\(target.name), \(workerID), \(limit), \(lease))"
        let claimed = try await pool.query(claim.prepared()).rows.map(ClaimedDelivery.init(row:))
        guard !claimed.isEmpty else { return 0 }

        let outcomes = await withTaskGroup(of: (Int, AttemptOutcome).self) { group in
            for (index, delivery) in claimed.enumerated() {
                group.addTask { (index, await self.attempt(delivery, of: target)) }
            }
            var outcomes = [AttemptOutcome?](repeating: nil, count: claimed.count)
            for await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes.map { $0! }
        }
        // Linked before the outcome is recorded: recording lets the report's next delivery go,
        // and that one may need the id (an Open311 update names the request the first one made).
        await linkExternalIDs(from: outcomes, of: claimed, for: target)
        try await record(outcomes, of: claimed, for: target)
        return claimed.count
    }

    /// One attempt: the body completed for sending, signed per Standard Webhooks with a fresh
    /// timestamp and the delivery's own `webhook-id`, sent with the adapter's libcurl settings to
    /// the address for its event type.
    func attempt(_ delivery: ClaimedDelivery, of target: DeliveryTarget) async -> AttemptOutcome {
        let endpoint = target.endpoint
        var delivery = delivery
        do {
            delivery.body.body = try await bodyToSend(delivery, of: target)
        } catch let missing as TheirIDMissing {
            return .failed(status: nil, error: missing.message, retryAfter: nil)
        } catch {
            return .failed(status: nil, error: "could not read the receiver's id for the report: \(error)", retryAfter: nil)
        }
        var headers = [
            OutboundHeader(name: "Content-Type", value: delivery.body.contentType),
            OutboundHeader(name: "User-Agent", value: "meldingen-hub"),
        ]
        if let secret = endpoint.secret {
            let timestamp = Int64(Date().timeIntervalSince1970)
            for header in WebhookSignature.headers(id: delivery.webhookID, timestamp: timestamp, body: delivery.body.body, secret: secret) {
                headers.append(OutboundHeader(name: header.name, value: header.value))
            }
        } else {
            headers.append(OutboundHeader(name: WebhookSignature.idHeader, value: delivery.webhookID))
        }
        let request = OutboundRequest(
            method: "POST", url: endpoint.url(for: delivery.eventType), headers: headers, body: delivery.body.body,
            options: endpoint.options)
        do {
            let response = try await client.send(request)
            return AttemptOutcome(response: response, now: Date())
        } catch {
            return AttemptOutcome(error: error)
        }
    }

    /// The body as it goes out: the receiver's id written in where the rendering had to leave a
    /// marker, and the endpoint's form credential added. Neither is ever stored with the delivery.
    func bodyToSend(_ delivery: ClaimedDelivery, of target: DeliveryTarget) async throws -> [UInt8] {
        var body = delivery.body.body
        if let marker = delivery.body.theirIDMarker, let bind = target.bindTheirID {
            guard let id = try await readExternalID?(delivery.reportID, target.name) else {
                throw TheirIDMissing(
                    message: "the body names the receiver's id for the report, and the receiver has not answered one yet "
                        + "(its answer to the report's first delivery had none, or that delivery is dead); retried on the schedule")
            }
            body = bind(id, marker, body)
        }
        if let credential = target.endpoint.formCredential {
            body = FormValueContentType.appending(field: credential.name, value: credential.value, to: body)
        }
        return body
    }

    struct TheirIDMissing: Error {
        var message: String
    }

    /// Writes the outcomes and the endpoint's health in one statement.
    func record(_ outcomes: [AttemptOutcome], of claimed: [ClaimedDelivery], for target: DeliveryTarget) async throws {
        let now = Date()
        var ids: [String?] = [], states: [String?] = [], statuses: [String?] = [], errors: [String?] = []
        var responses: [String?] = [], nextAttempts: [String?] = []
        var succeeded = 0, failed = 0, gone = false
        // Counted per batch, not per delivery: a metric's lookup takes the factory's lock.
        var outcomeCounts: [String: Int] = [:]
        for (delivery, outcome) in zip(claimed, outcomes) {
            ids.append(String(delivery.id))
            switch outcome {
            case .delivered(let status, let response):
                succeeded += 1
                states.append("delivered"); statuses.append(String(status)); errors.append(nil); responses.append(response)
                nextAttempts.append(nil)
            case .gone(let status, let response):
                // Not the delivery's fault: it waits, unsent, until an operator enables the endpoint.
                gone = true
                failed += 1
                states.append("pending"); statuses.append(String(status))
                errors.append("the receiver answered 410 Gone; the endpoint is disabled until an operator enables it")
                responses.append(response); nextAttempts.append(Self.timestamp(now))
            case .failed(let status, let error, let retryAfter):
                failed += 1
                let next = target.endpoint.retrySchedule.nextAttempt(after: delivery.attempts, at: now, retryAfter: retryAfter)
                states.append(next == nil ? "dead" : "pending"); statuses.append(status.map(String.init))
                errors.append(error); responses.append(nil); nextAttempts.append(next.map(Self.timestamp))
            }
            outcomeCounts[outcome.metricName, default: 0] += 1
        }
        for (outcome, count) in outcomeCounts {
            Counter(label: "hub_deliveries_total", dimensions: [("adapter", target.name), ("outcome", outcome)]).increment(by: count)
        }
        let batch: PGQuery = """
            SELECT hub.record_delivery_batch(\(workerID), \(PGArray(ids))::bigint[], \(PGArray(states))::text[], \
            \(PGArray(statuses))::integer[], \(PGArray(errors))::text[], \(PGArray(responses))::text[], \
            \(PGArray(nextAttempts))::timestamptz[], \(target.name), \(succeeded), \(failed), \(gone), \
            \(target.endpoint.failureThreshold), \(RetrySchedule.seconds(target.endpoint.pause)))
            """
        _ = try await pool.query(batch.prepared())
        if gone {
            logger.warning("the receiver answered 410 Gone: its endpoint is disabled", metadata: ["adapter": "\(target.name)"])
        }
    }

    /// The receiver's ids in its answers, linked on the reports after the outcomes are recorded:
    /// a link that fails is logged and does not undo a delivery the receiver has.
    func linkExternalIDs(from outcomes: [AttemptOutcome], of claimed: [ClaimedDelivery], for target: DeliveryTarget) async {
        guard let read = target.externalIDInResponse, let linkExternalID else { return }
        for (delivery, outcome) in zip(claimed, outcomes) {
            guard case .delivered(_, let response) = outcome, let id = read(Array(response.utf8)) else { continue }
            do {
                try await linkExternalID(delivery.reportID, try ExternalReference(system: target.name, id: id))
            } catch {
                logger.warning(
                    "could not link the receiver's id from its answer",
                    metadata: ["adapter": "\(target.name)", "delivery.id": "\(delivery.id)", "error": "\(error)"])
            }
        }
    }

    /// A moment as PostgreSQL reads it in a text array, to the microsecond.
    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }
}

extension AttemptOutcome {
    var metricName: String {
        switch self {
        case .delivered: "delivered"
        case .gone: "gone"
        case .failed: "failed"
        }
    }
}

extension ClaimedDelivery {
    init(row: PGRow) throws {
        self.init(
            id: try row.decode(Int64.self, 0), webhookID: try row.decode(String.self, 1), attempts: try row.decode(Int.self, 2),
            reportID: try row.decode(UUID.self, 3), eventID: try row.decode(UUID.self, 4), eventType: try row.decode(String.self, 5),
            streamVersion: try row.decode(Int64.self, 6),
            body: DeliveryBody(
                contentType: try row.decode(String.self, 7), body: Array(try row.decode(String.self, 8).utf8),
                theirIDMarker: try row.decode(String?.self, 10)),
            createdAt: try row.decode(Date.self, 9))
    }
}
