import Adapters
import Crypto
import EventLog
import Foundation
import HubConfig
import Logging
import Metrics
import Postgres
import ReportDomain
import Reports

/// Applies one message of a connected system — a webhook whose signature was checked, or an item
/// of a polled page — once: read by the adapter's mapping, matched to its report through the card
/// index, checked against the newest update already applied from that system, decided by the
/// domain, and kept whole in `hub.inbound_messages` with its outcome. A message that cannot be
/// applied is rejected with the reason and changes nothing; none is lost or half-applied.
public struct InboundProcessor: Sendable {
    public let pool: PGPool
    public let handler: ReportCommandHandler
    public let configuration: HubConfiguration
    public let logger: Logger
    /// The configuration's parties, for a case system's `forward`: built once, not per message.
    let parties: [PartyID: Party]

    public init(pool: PGPool, handler: ReportCommandHandler, configuration: HubConfiguration, logger: Logger = Logger(label: "hub.inbound")) {
        self.pool = pool
        self.handler = handler
        self.configuration = configuration
        self.logger = logger
        self.parties = configuration.domainParties
    }

    /// The outcome of one message. Throws only when the database fails (the sender should retry).
    public func receive(
        _ payload: [UInt8], from adapter: AdapterDefinition, webhookID: String?, via source: InboundSource, now: Date = Date()
    ) async throws -> InboundOutcome {
        let mapper = InboundMapper(adapter: adapter, parties: parties)
        let message: InboundMessage
        switch mapper.message(from: Data(payload), webhookID: webhookID) {
        case .failure(let rejection):
            let id = webhookID ?? Self.digest(payload)
            return try await record(
                InboundOutcome(status: .rejected, messageID: id, code: rejection.code.rawValue, reason: rejection.message),
                adapter: adapter, via: source, payload: payload, message: nil)
        case .success(let read):
            message = read
        }
        let id = message.messageID ?? webhookID ?? Self.digest(payload)
        if let earlier = try await finalOutcome(adapter: adapter, messageID: id) { return earlier }
        let outcome = try await apply(message, id: id, adapter: adapter, mapper: mapper, now: now)
        return try await record(outcome, adapter: adapter, via: source, payload: payload, message: message)
    }

    private func apply(
        _ message: InboundMessage, id: String, adapter: AdapterDefinition, mapper: InboundMapper, now: Date
    ) async throws -> InboundOutcome {
        func rejected(_ code: String, _ reason: String, report: UUID? = nil) -> InboundOutcome {
            InboundOutcome(status: .rejected, messageID: id, reportID: report, code: code, reason: reason)
        }
        let reportID: ReportID
        switch message.report {
        case .hubID(let hubID):
            reportID = hubID
        case .externalID(let external):
            let found = try await pool.query("SELECT hub.report_by_external_id(\(adapter.name.rawValue), \(external))")
            guard let uuid = try found.decode(UUID?.self, row: 0, column: 0) else {
                return rejected("inbound.unknown_report", "no report is linked to \(adapter.name)'s id \"\(external)\"")
            }
            reportID = ReportID(uuid)
        }
        if let updatedAt = message.updatedAt {
            let last = try await pool.query("SELECT hub.last_inbound_update(\(adapter.name.rawValue), \(reportID.uuid))")
            if let newest = try last.decode(Date?.self, row: 0, column: 0), newest > updatedAt {
                return InboundOutcome(
                    status: .stale, messageID: id, reportID: reportID.uuid,
                    reason: "an update from \(adapter.name) made later (\(newest.formatted(.iso8601))) was applied already")
            }
        }
        let (state, _) = try await handler.load(reportID)
        guard let report = state else {
            return rejected("inbound.unknown_report", "there is no report \(reportID)")
        }
        let command: ReportCommand?
        switch mapper.command(for: message, report: report, receivedAt: now) {
        case .failure(let rejection): return rejected(rejection.code.rawValue, rejection.message, report: reportID.uuid)
        case .success(let mapped): command = mapped
        }
        guard let command else {
            return InboundOutcome(
                status: .ignored, messageID: id, reportID: reportID.uuid,
                reason: "status \"\(message.statusCode)\" asks for nothing the report does not have already")
        }
        let handled: ReportCommandHandler.Outcome
        do {
            // The key makes a repeat (a retry after a crash before the outcome was recorded)
            // append nothing new: the same message gives the same event ids.
            handled = try await handler.handle(
                command, policy: configuration.policy(for: report.municipality), idempotencyKey: "inbound/\(adapter.name)/\(id)",
                metadata: EventMetadata(actor: adapter.logActor, correlationID: id))
        } catch let error as ReportError {
            return rejected(error.code, error.message, report: reportID.uuid)
        }
        var accepted = InboundOutcome(status: .accepted, messageID: id, reportID: reportID.uuid)
        accepted.point = handled.appended.events.last?.point
        return accepted
    }

    /// The recorded outcome when the message was accepted, ignored or stale before.
    private func finalOutcome(adapter: AdapterDefinition, messageID: String) async throws -> InboundOutcome? {
        let result = try await pool.query("SELECT * FROM hub.final_inbound_message(\(adapter.name.rawValue), \(messageID))")
        guard result.rowCount == 1, let status = InboundOutcome.Status(rawValue: try result.decode(String.self, row: 0, column: 0)) else {
            return nil
        }
        return InboundOutcome(
            status: status, messageID: messageID, reportID: try result.decode(UUID?.self, row: 0, column: 3),
            code: try result.decode(String?.self, row: 0, column: 1), reason: try result.decode(String?.self, row: 0, column: 2),
            repeated: true)
    }

    /// Keeps the message and its outcome; when another delivery of the same message was recorded
    /// first (final), that one's outcome is the answer.
    private func record(
        _ outcome: InboundOutcome, adapter: AdapterDefinition, via source: InboundSource, payload: [UInt8], message: InboundMessage?
    ) async throws -> InboundOutcome {
        let query: PGQuery = """
            SELECT * FROM hub.record_inbound_message(\(adapter.name.rawValue), \(outcome.messageID), \(source.rawValue), \
            \(outcome.status.rawValue), \(outcome.code), \(outcome.reason), \(outcome.reportID), \(message?.statusCode), \
            \(message?.updatedAt), \(String(decoding: payload, as: UTF8.self)))
            """
        let result = try await pool.query(query)
        Counter(label: "hub_inbound_messages_total", dimensions: [("adapter", adapter.name.rawValue), ("outcome", outcome.status.rawValue)])
            .increment()
        if outcome.status == .rejected {
            logger.notice(
                "rejected an inbound message",
                metadata: ["adapter": "\(adapter.name)", "inbound.message": "\(outcome.messageID)", "inbound.code": "\(outcome.code ?? "")"])
        }
        guard result.rowCount == 1, let status = InboundOutcome.Status(rawValue: try result.decode(String.self, row: 0, column: 0)),
              status != outcome.status
        else { return outcome }
        return InboundOutcome(
            status: status, messageID: outcome.messageID, reportID: try result.decode(UUID?.self, row: 0, column: 3),
            code: try result.decode(String?.self, row: 0, column: 1), reason: try result.decode(String?.self, row: 0, column: 2),
            repeated: true)
    }

    /// A message without an id of its own is known by its content.
    static func digest(_ payload: [UInt8]) -> String {
        "sha256:" + SHA256.hash(data: payload).map { String(format: "%02x", $0) }.joined()
    }
}
