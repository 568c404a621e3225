import Foundation
import HubConfig
import ReportDomain

/// What a template can use. Documented field by field in adapters/README.md; absent values
/// are left out, so `{{#report.address}}…{{/report.address}}` skips them.
extension OutboundRenderer {
    func context(
        event: ReportEvent, report: Report, envelope: OutboundEnvelope, main: Report?, notification: NotificationDecision?,
        theirIDMarker: String
    ) -> [String: Any] {
        let policy = configuration.policy(for: report.municipality).publicStatus
        let publicStatus = policy.status(of: report, main: main)
        // A merged report follows its main report (rule 6): status, planning, party and fix are
        // the main report's; its number, words, place and reporter stay its own.
        let followed = report.followed(main: main)
        let theirStatus = adapter.statuses.outboundStatus(eventType: envelope.eventType, status: followed.status)
        let publicText = theirStatus?.text ?? policy.label(for: publicStatus)

        var eventContext: [String: Any] = [
            "id": envelope.eventID.uuidString.lowercased(),
            "type": envelope.eventType,
            "schema_version": envelope.schemaVersion,
            "stream_version": envelope.streamVersion,
            "position": envelope.position,
            "time": Self.timestamp(envelope.time),
            "occurred_at": Self.timestamp(event.occurredAt),
            "municipality": envelope.municipality.rawValue,
        ]
        if let event = redactedIfNeeded(event), let data = try? event.encodedData(), let value = JSONValue.parse(data)?.mustacheValue {
            eventContext["data"] = value
        }

        let municipality = configuration.municipality(report.municipality)
        var reportContext: [String: Any] = [
            "id": report.id.description,
            "number": report.id.description,
            "municipality": report.municipality.rawValue,
            "category": report.category.rawValue,
            "their_category": adapter.categories.theirs(for: report.category) ?? report.category.rawValue,
            "category_mapped": adapter.categories.theirs(for: report.category) != nil,
            "description": report.description,
            "latitude": report.location.latitude,
            "longitude": report.location.longitude,
            "location": Self.location(report.location),
            "photo_urls": report.photoURLs,
            "channel": report.channel.rawValue,
            "urgency": report.urgency.rawValue,
            "status": report.status.rawValue,
            "public_status": publicStatus.kind.rawValue,
            "public_text": publicText,
            "submitted_at": Self.timestamp(report.submittedAt),
            "updated_at": Self.timestamp(report.updatedAt),
            "version": report.version,
            "reopen_count": report.reopenCount,
        ]
        reportContext["municipality_name"] = municipality?.name
        reportContext["category_name"] = municipality?.category(report.category)?.name
        reportContext["address"] = report.location.address
        reportContext["postcode"] = report.location.postcode
        reportContext["their_status"] = theirStatus?.code
        reportContext["expected_resolution_by"] = followed.serviceLevel.resolveBy.map(Self.timestamp)
        reportContext["scheduled_for"] = followed.scheduledFor.map(Self.timestamp)
        reportContext["main_report_id"] = report.mainReportID?.description
        // Their id comes from their answer to an earlier delivery, which may not be in yet: then
        // the marker stands in, and the worker writes the id in when it sends (OutboundTemplate.bindingTheirID).
        reportContext["their_id"] = report.externalID(in: adapter.name.rawValue) ?? theirIDMarker
        if let party = followed.currentParty {
            reportContext["party"] = ["id": party.id.rawValue, "name": party.displayName]
        }
        if let reference = report.externalReference {
            reportContext["external_reference"] = ["system": reference.system, "id": reference.id]
        }
        if let completion = followed.completion {
            var values: [String: Any] = ["at": Self.timestamp(completion.at)]
            values["photo_url"] = completion.photoURL
            values["note"] = completion.note
            reportContext["completion"] = values
        }
        reportContext["public_notes"] = PublicReport(report, policy: policy, main: main).publicNotes.map {
            ["at": Self.timestamp($0.at), "text": $0.text] as [String: Any]
        }
        // Rule 4, a second time: whatever the caller passed, no contact data without an agreement.
        if adapter.personalData, let contact = report.contact {
            var values: [String: Any] = [:]
            values["name"] = contact.name
            values["email"] = contact.email
            values["phone"] = contact.phone
            reportContext["contact"] = values
        }

        var statusContext: [String: Any] = ["text": publicText, "ours": followed.status.rawValue]
        statusContext["code"] = theirStatus?.code
        return [
            "event": eventContext,
            "report": reportContext,
            "status": statusContext,
            "notification": Self.notification(
                notification ?? NotificationDecision.decide(for: report, about: event, policy: configuration.policy(for: report.municipality))),
            "adapter": ["name": adapter.name.rawValue, "display_name": adapter.displayName],
        ]
    }

    /// Rule 4 once more for the event: a caller that forgot to redact still leaks nothing; a
    /// reporter's own comment then has no data at all.
    private func redactedIfNeeded(_ event: ReportEvent) -> ReportEvent? {
        guard !adapter.personalData else { return event }
        guard let standIn = try? Party(id: PartyID(adapter.name.rawValue), displayName: adapter.displayName, hasProcessingAgreement: false) else {
            return nil
        }
        return event.redacted(for: standIn)
    }

    /// Rule 5 for a system that tells the reporter itself (an app): whether to, and through what.
    private static func notification(_ decision: NotificationDecision) -> [String: Any] {
        switch decision {
        case .notify(let channel, let survey):
            ["send": true, "channel": channel.rawValue, "satisfaction_survey": survey]
        case .skip(let reason):
            ["send": false, "skip_reason": reason.rawValue, "satisfaction_survey": false]
        }
    }

    private static func location(_ location: Location) -> [String: Any] {
        var values: [String: Any] = ["latitude": location.latitude, "longitude": location.longitude]
        values["address"] = location.address
        values["postcode"] = location.postcode
        return values
    }

    /// ISO 8601 in UTC with milliseconds, as the event data writes moments.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
