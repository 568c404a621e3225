import Foundation
import ReportDomain

/// Reads a system's updates in its own JSON format, with the pointers and status codes of its
/// adapter file. Pure: bytes in, a message or an exact rejection out. Signature checks happen
/// before (Webhooks); `Report.decide` after.
public struct InboundMapper: Sendable {
    public let adapter: AdapterDefinition
    /// The parties of the hub configuration, for a case system's `forward`.
    public let parties: [PartyID: Party]

    public init(adapter: AdapterDefinition, parties: [PartyID: Party] = [:]) {
        self.adapter = adapter
        self.parties = parties
    }

    /// One webhook body. `webhookID` is the `webhook-id` header, the message id when the file
    /// names no `message_id` pointer.
    public func message(from payload: Data, webhookID: String? = nil) -> Result<InboundMessage, InboundRejection> {
        guard let settings = adapter.inbound else {
            return .failure(InboundRejection(code: .notConfigured, message: "adapter \(adapter.name) accepts no inbound messages"))
        }
        guard let document = JSONValue.parse(payload) else {
            return .failure(InboundRejection(code: .notJSON, message: "the body is not JSON"))
        }
        return Result { () throws(InboundRejection) in try message(from: document, settings: settings, webhookID: webhookID) }
    }

    /// One answer of a polled system: the updates at `polling.items`, each read or rejected on its
    /// own, and the cursor at `polling.next_cursor` (or in the last update).
    public func page(from payload: Data) -> Result<PolledPage, InboundRejection> {
        pageItems(from: payload).map { read in
            PolledPage(
                items: read.items.enumerated().map { index, item in
                    message(from: item).mapError { InboundRejection(code: $0.code, message: "update \(index): \($0.message)") }
                },
                nextCursor: read.nextCursor)
        }
    }

    private func message(from document: JSONValue, settings: InboundSettings, webhookID: String?) throws(InboundRejection) -> InboundMessage {
        let statusCode = try required(settings.statusPointer, in: document, what: "the status")
        guard let rule = adapter.statuses.rule(forTheirCode: statusCode) else {
            let known = adapter.statuses.inbound.keys.sorted().joined(separator: ", ")
            throw InboundRejection(
                code: .unknownStatus,
                message: "unknown status code \"\(statusCode)\" at \(Self.shown(settings.statusPointer)); known codes: \(known)")
        }
        var message = InboundMessage(
            messageID: try settings.messageIDPointer.map { pointer throws(InboundRejection) in
                try required(pointer, in: document, what: "the message id")
            } ?? webhookID,
            report: try report(settings.reportPointer, in: document),
            statusCode: statusCode, action: rule.action, closureReason: rule.closureReason, publicText: rule.publicText)
        message.note = optional(settings.notePointer, in: document)
        message.reason = optional(settings.reasonPointer, in: document)
        if let pointer = settings.photoPointer, let photo = optional(pointer, in: document) {
            guard let url = URL(string: photo), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                throw InboundRejection(
                    code: .invalidField, message: "\(Self.shown(pointer)) must be an http(s) address of the photo, but was \"\(photo.prefix(80))\"")
            }
            message.photoURL = photo
        }
        if let pointer = settings.categoryPointer, let theirs = optional(pointer, in: document) {
            guard let ours = adapter.categories.ours(for: theirs) else {
                let known = adapter.categories.pairs.map(\.theirs).joined(separator: ", ")
                throw InboundRejection(
                    code: .invalidField,
                    message: "\(Self.shown(pointer)) is \"\(theirs.prefix(80))\", a category the adapter file does not map; known: \(known.isEmpty ? "none" : known)")
            }
            message.category = ours
        }
        if let pointer = settings.partyPointer, let party = optional(pointer, in: document) {
            let id = PartyID(party)
            guard parties[id] != nil else {
                let known = parties.keys.map(\.rawValue).sorted().joined(separator: ", ")
                throw InboundRejection(
                    code: .invalidField, message: "\(Self.shown(pointer)) is \"\(party.prefix(80))\", which is no party of the hub; known: \(known)")
            }
            message.party = id
        }
        message.expectedDate = try date(settings.expectedDatePointer, in: document)
        message.updatedAt = try date(settings.updatedAtPointer, in: document)
        try checkNeeds(message, rule: rule, settings: settings)
        return message
    }

    /// Refuses a message that lacks what its status needs, naming the field it should be in.
    private func checkNeeds(_ message: InboundMessage, rule: InboundStatusRule, settings: InboundSettings) throws(InboundRejection) {
        func missing(_ what: String, _ pointer: String?, key: String) -> InboundRejection {
            let place = pointer.map { "at \(Self.shown($0))" } ?? "(the adapter file names no inbound.\(key))"
            return InboundRejection(
                code: .missingField,
                message: "status \"\(message.statusCode)\" means \(rule.action.rawValue), which needs \(what) \(place)")
        }
        switch rule.action {
        case .schedule where message.expectedDate == nil:
            throw missing("the planned date", settings.expectedDatePointer, key: "expected_date")
        case .rejectWork where message.reason == nil && message.note == nil:
            throw missing("a reason", settings.reasonPointer ?? settings.notePointer, key: "reason")
        case .comment where message.note == nil:
            throw missing("the comment", settings.notePointer, key: "note")
        case .categorise where message.category == nil:
            throw missing("the category", settings.categoryPointer, key: "category")
        case .forward where message.party == nil:
            throw missing("the party", settings.partyPointer, key: "party")
        default:
            break
        }
    }

    private func report(_ pointer: ReportReferencePointer, in document: JSONValue) throws(InboundRejection) -> ReportReference {
        switch pointer {
        case .hubID(let path):
            let text = try required(path, in: document, what: "the hub's report id")
            guard let id = ReportID(text) else {
                throw InboundRejection(code: .invalidField, message: "\(Self.shown(path)) must be the hub's report id (a UUID), but was \"\(text.prefix(80))\"")
            }
            return .hubID(id)
        case .externalID(let path):
            return .externalID(try required(path, in: document, what: "your id of the report"))
        }
    }

    private func required(_ pointer: String, in document: JSONValue, what: String) throws(InboundRejection) -> String {
        guard let value = document.at(pointer), value != .null else {
            throw InboundRejection(code: .missingField, message: "missing field \(Self.shown(pointer)) (\(what))")
        }
        guard let text = value.text, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw InboundRejection(code: .invalidField, message: "\(Self.shown(pointer)) (\(what)) must be a non-empty text or number")
        }
        return text
    }

    private func optional(_ pointer: String?, in document: JSONValue) -> String? {
        guard let pointer, let text = document.at(pointer)?.text else { return nil }
        return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : text
    }

    private func date(_ pointer: String?, in document: JSONValue) throws(InboundRejection) -> Date? {
        guard let pointer, let text = optional(pointer, in: document) else { return nil }
        guard let date = InboundDate.parse(text) else {
            throw InboundRejection(
                code: .invalidField,
                message: "\(Self.shown(pointer)) must be a date (2025-03-01) or a moment with a zone (2025-03-01T09:30:00+01:00), but was \"\(text.prefix(80))\"")
        }
        return date
    }

    /// The whole document is the empty pointer; say so rather than print nothing.
    static func shown(_ pointer: String) -> String {
        pointer.isEmpty ? "(the whole body)" : pointer
    }
}
