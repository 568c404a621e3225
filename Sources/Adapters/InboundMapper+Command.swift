import Foundation
import ReportDomain

/// From an update to the domain's command. The caller still runs `Report.decide`, which has the
/// last word on every rule; this refuses early only what the adapter itself may never do.
extension InboundMapper {
    /// The command the message asks for on `report`, with the adapter's party (or the adapter as
    /// a system) as actor; `nil` when there is nothing to do (`ignore`, or a status the report
    /// already has: case systems send their status again and again). The command's moment is
    /// the sender's `updatedAt` when given and not after `receivedAt`, else `receivedAt`.
    public func command(for message: InboundMessage, report: Report, receivedAt: Date) -> Result<ReportCommand?, InboundRejection> {
        Result { () throws(InboundRejection) in try command(message, report: report, receivedAt: receivedAt) }
    }

    private func command(_ message: InboundMessage, report: Report, receivedAt: Date) throws(InboundRejection) -> ReportCommand? {
        try checkScope(report)
        try checkAllowed(message.action)
        guard let action = try action(for: message, report: report) else { return nil }
        let issuedAt = message.updatedAt.map { min($0, receivedAt) } ?? receivedAt
        return ReportCommand(reportID: report.id, actor: adapter.actor, issuedAt: issuedAt, action: action)
    }

    /// A system only touches its municipalities' reports, and a party's system only its party's (rule 4).
    private func checkScope(_ report: Report) throws(InboundRejection) {
        guard adapter.municipalities.contains(report.municipality) else {
            throw InboundRejection(
                code: .outOfScope,
                message: "the report belongs to municipality \(report.municipality), which adapter \(adapter.name) does not work for")
        }
        if let party = adapter.party, !report.isVisible(to: party) {
            throw InboundRejection(code: .outOfScope, message: "the report was never forwarded to party \(party)")
        }
    }

    private func checkAllowed(_ action: InboundAction) throws(InboundRejection) {
        if let party = adapter.party, !action.isForParties {
            throw InboundRejection(code: .notAllowed, message: "\(action.rawValue) is the municipality's decision, not party \(party)'s")
        }
        if adapter.party == nil, !action.isForMunicipalSystems {
            throw InboundRejection(code: .notAllowed, message: "only a party's system can send \(action.rawValue); adapter \(adapter.name) names no party")
        }
    }

    private func action(for message: InboundMessage, report: Report) throws(InboundRejection) -> ReportAction? {
        switch message.action {
        case .ignore:
            return nil
        case .acknowledge:
            return report.status == .submitted ? .acknowledge : nil
        case .schedule:
            guard let date = message.expectedDate else {
                throw InboundRejection(code: .missingField, message: "status \"\(message.statusCode)\" means schedule, which needs the planned date")
            }
            if report.status == .scheduled, report.scheduledFor == date { return nil }
            return .scheduleWork(on: date)
        case .startWork:
            let note = message.note ?? message.publicText
            if report.status == .inProgress, note == nil { return nil }
            return .updateStatus(publicNote: message.publicText, internalNote: message.note, workStarted: true)
        case .partyDone:
            if report.status == .completedByParty, report.completion?.party.id == adapter.party { return nil }
            return .completeWork(photoURL: message.photoURL, note: message.note)
        case .rejectWork:
            guard let reason = message.reason ?? message.note else {
                throw InboundRejection(code: .missingField, message: "status \"\(message.statusCode)\" means reject, which needs a reason")
            }
            return .rejectWork(reason: reason)
        case .comment:
            guard let note = message.note else {
                throw InboundRejection(code: .missingField, message: "status \"\(message.statusCode)\" means comment, which needs the comment")
            }
            return .addComment(note, visibility: .internal)
        case .close:
            if report.status == .closed { return nil }
            return .close(message.closureReason ?? .resolved, publicNote: message.publicText, internalNote: message.note)
        case .reopen:
            return .reopen(reason: message.reason ?? message.note)
        case .categorise:
            guard let category = message.category else {
                throw InboundRejection(code: .missingField, message: "status \"\(message.statusCode)\" means categorise, which needs the category")
            }
            return category == report.category ? nil : .categorise(category)
        case .forward:
            guard let id = message.party, let party = parties[id] else {
                throw InboundRejection(code: .missingField, message: "status \"\(message.statusCode)\" means forward, which needs a party of the hub")
            }
            if report.currentParty?.id == id, [.forwarded, .scheduled, .inProgress].contains(report.status) { return nil }
            return .forward(party)
        }
    }
}
