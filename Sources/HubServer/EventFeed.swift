import Delivery
import EventLog
import Foundation
import HubConfig
import Projections
import ReportDomain

/// The log as a caller may read it: only events of reports in the caller's scope, and for a party
/// only its own reports' events, without personal data unless it has a processing agreement.
struct EventFeed: Sendable {
    let dependencies: HubDependencies

    /// Where reading after a numeric position starts; 400 for a position that holds no event.
    func point(after position: Int64) async throws -> LogPoint {
        guard position >= 0 else { throw Problem.badRequest("after must be 0 or a position from the feed", field: "after") }
        guard let point = try await dependencies.store.point(afterPosition: position) else {
            throw Problem.badRequest("after=\(position) is not the position of an event; use 0 or a position the feed returned", field: "after")
        }
        return point
    }

    /// The caller's view of these events, in order; events the caller may not see are left out.
    func visible(_ events: [RecordedEvent], to caller: Caller) async throws -> [CloudEvent] {
        guard !events.isEmpty else { return [] }
        let party = caller.party.flatMap { dependencies.configuration.party($0) }
        var access: [ReportID: ReportAccess] = [:]
        if caller.role == .party, let last = events.last {
            // The projection decides which reports a party may see; let it catch up first.
            _ = await dependencies.waitUntilProjected(last.point, .seconds(2))
            let ids = Set(events.compactMap { ReportID(streamName: $0.stream) })
            access = try await dependencies.queries.access(of: Array(ids))
        }
        var result: [CloudEvent] = []
        for event in events {
            guard caller.covers(MunicipalityCode(event.municipality)) else { continue }
            var data = event.data
            var occurredAt = event.recordedAt
            if let decoded = try? ReportEvent.decode(eventType: event.type, schemaVersion: event.schemaVersion, data: Data(event.data)) {
                occurredAt = decoded.occurredAt
                if caller.role == .party {
                    guard let party, let id = ReportID(streamName: event.stream),
                          access[id]?.involvedParties.contains(party.id) == true,
                          let domainParty = try? party.domainParty(),
                          let redacted = decoded.redacted(for: domainParty)
                    else { continue }
                    if !party.processingAgreement { data = Array(try redacted.encodedData()) }
                }
            } else if caller.role == .party {
                continue
            }
            result.append(CloudEvent(event, data: data, occurredAt: occurredAt, publicURL: dependencies.configuration.publicURL))
        }
        return result
    }
}
