import Foundation
import ReportDomain
import Reports

/// Links an external system's id on a report (`ReportAction.linkExternalID`).
public typealias ExternalIDLinker = @Sendable (_ reportID: UUID, _ reference: ExternalReference) async throws -> Void

/// The id a system has for a report, as linked on it (nil when none is): what a body rendered
/// before the system's answer still needs when it is sent.
public typealias ExternalIDReader = @Sendable (_ reportID: UUID, _ system: String) async throws -> String?

/// The reader the hub runs: the report as its stream has it now, not a projection that may lag
/// behind the link its worker made a moment ago.
public func externalIDReader(handler: ReportCommandHandler) -> ExternalIDReader {
    { reportID, system in
        try await handler.load(ReportID(reportID)).0?.externalID(in: system)
    }
}

/// The linker the hub runs: the command through the handler, as the delivery process (a system
/// actor), under the report's municipality's policy; a repeat links nothing new.
public func externalIDLinker(
    handler: ReportCommandHandler, policy: @escaping @Sendable (MunicipalityCode) -> MunicipalityPolicy
) -> ExternalIDLinker {
    { reportID, reference in
        let id = ReportID(reportID)
        let (state, _) = try await handler.load(id)
        guard let report = state else { return }
        _ = try await handler.handle(
            ReportCommand(reportID: id, actor: .system(name: "delivery"), issuedAt: Date(), action: .linkExternalID(reference)),
            policy: policy(report.municipality))
    }
}
