import EventLog
import HubConfig
import ReportDomain
import Reports

extension ReportCommandHandler {
    /// Stores a submission and, when its category routes to a party, the forward to that party:
    /// both in one append, so that a report is never stored unrouted (a crash in between would
    /// have left it so, and a repeated request would not route it any more).
    ///
    /// - Returns: the submission's outcome (a repeated request's earlier one) and the log point of
    ///   the last event stored, to wait for its projection.
    func submit(
        _ command: ReportCommand, routingTo party: PartyConfig?, policy: MunicipalityPolicy,
        idempotencyKey: String?, metadata: EventMetadata, correlationID: String
    ) async throws -> (submitted: Outcome, last: LogPoint?) {
        var steps = [ReportCommandStep(command, idempotencyKey: idempotencyKey, metadata: metadata)]
        if let party {
            steps.append(ReportCommandStep(
                ReportCommand(
                    reportID: command.reportID, actor: .system(name: "routing"), issuedAt: command.issuedAt,
                    action: .forward(try party.domainParty())),
                idempotencyKey: "routing:\(command.reportID)",
                metadata: EventMetadata(actor: "system:routing", correlationID: correlationID)))
        }
        let outcomes = try await handle(steps, policy: policy)
        return (outcomes[0], outcomes.flatMap(\.appended.events).last?.point)
    }
}
