import EventLog
import Foundation
import HubConfig
import Hummingbird
import Open311
import ReportDomain
import Reports

extension Open311Routes {
    /// `POST /servicerequestupdates`: a case system or a contractor's system pushes a status.
    /// Idempotent on `update_id`; an update older than the report's last change is acknowledged
    /// but changes nothing, so a late retry never overwrites newer state.
    func postUpdate(_ format: Open311Format, _ request: Request, _ context: HubRequestContext) async throws -> Response {
        let form = try await Open311Form(body: request, context: context)
        let update: Open311UpdateSubmission
        do { update = try Open311UpdateSubmission.parse(form) } catch { throw Open311Answer.problem(error) }
        let caller = try await keyedCaller(update.apiKey, context)
        guard caller.role == .municipality || caller.role == .party || caller.role == .admin else {
            throw Problem.forbidden("only a municipality's or a party's api_key may post updates")
        }
        guard let id = ReportID(update.serviceRequestID) else {
            throw Problem.notFound("service_request_id \(update.serviceRequestID) does not exist")
        }
        let (current, _) = try await handler.load(id)
        guard let report = current,
              caller.view(of: id, municipality: report.municipality, involvedParties: report.involvedParties, configuration: configuration) != nil
        else { throw Problem.notFound("service_request_id \(update.serviceRequestID) does not exist") }
        let key = "open311-update:\(caller.id):\(update.updateID)"
        let answer = [Open311UpdateCreated(updateID: EventID.derived(from: key, index: 0).uuidString.lowercased())]
        if let latest = try await latestUpdate(of: id, from: caller), update.updatedDatetime < latest {
            return Open311Answer.document(answer, format)
        }
        let action = try Self.action(for: update, by: caller)
        let outcome = try await handler.handle(
            // The step happened when the sending system says, but never later than now.
            ReportCommand(reportID: id, actor: caller.actor, issuedAt: min(update.updatedDatetime, Date()), action: action),
            policy: configuration.policy(for: report.municipality), idempotencyKey: key,
            metadata: EventMetadata(actor: caller.metadataActor, correlationID: context.id, externalIDs: ["open311.update_id": update.updateID, "open311.updated_datetime": ISO8601.format(update.updatedDatetime)]))
        if let last = outcome.appended.events.last?.point { _ = await dependencies.waitUntilProjected(last, .seconds(3)) }
        return Open311Answer.document(answer, format)
    }

    /// The newest `updated_datetime` this caller's updates carried on the report, from the log.
    private func latestUpdate(of id: ReportID, from caller: Caller) async throws -> Date? {
        try await dependencies.store.readStream(id.streamName)
            .filter { $0.metadata.actor == caller.metadataActor }
            .compactMap { $0.metadata.externalIDs["open311.updated_datetime"].flatMap(ISO8601.parse) }
            .max()
    }

    /// The domain step an extended status means, for the kind of system that sent it: a party's
    /// FIXED is its work done (not the municipality's closing, rule 1); the municipality's is a closing.
    static func action(for update: Open311UpdateSubmission, by caller: Caller) throws -> ReportAction {
        let note = update.description
        let isParty = caller.role == .party
        switch update.status {
        case .fixed:
            return isParty
                ? .completeWork(photoURL: update.mediaURL?.absoluteString, note: note)
                : .close(.resolved, publicNote: note, internalNote: nil)
        case .closed:
            return isParty
                ? .completeWork(photoURL: update.mediaURL?.absoluteString, note: note)
                : .close(.administrative, publicNote: note, internalNote: nil)
        case .duplicate:
            return .close(.duplicate, publicNote: note, internalNote: nil)
        case .notCouncilsResponsibility:
            return isParty ? .rejectWork(reason: note ?? "Niet onze verantwoordelijkheid.") : .close(.notMunicipalResponsibility, publicNote: note, internalNote: nil)
        case .noFurtherAction:
            return .close(.noFurtherAction, publicNote: note, internalNote: nil)
        case .cancelled:
            return .close(.administrative, publicNote: note, internalNote: nil)
        case .internalReferral:
            return isParty ? .rejectWork(reason: note ?? "Doorverwezen.") : .updateStatus(publicNote: note, internalNote: "internal referral", workStarted: false)
        case .reopen:
            return .reopen(reason: note)
        case .inProgress:
            return .updateStatus(publicNote: note, internalNote: nil, workStarted: true)
        case .open, .planned, .actionScheduled, .investigating, .forTriage, .unchanged:
            guard let note else {
                throw Problem.badRequest("description is required for status \(update.status.postedValue): it is what the reporter reads", field: "description")
            }
            return .updateStatus(publicNote: note, internalNote: nil, workStarted: false)
        }
    }
}
