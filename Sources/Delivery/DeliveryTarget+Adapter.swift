import Adapters
import Curl
import Foundation
import EventLog
import HubConfig
import ReportDomain
import Webhooks

extension DeliveryTarget {
    /// The outbound side of an adapter file as the engine runs it; nil for an adapter without one.
    ///
    /// The recipient is the adapter's party (or, for a system of the municipality or an app, a
    /// stand-in named after the adapter) with the file's `processing_agreement`: what the
    /// redaction of rule 4 goes by.
    public init?(adapter: AdapterDefinition, configuration: HubConfiguration) throws {
        guard let outbound = adapter.outbound else { return nil }
        let recipient = try Party(
            id: adapter.party ?? PartyID(adapter.name.rawValue), displayName: adapter.displayName,
            hasProcessingAgreement: adapter.personalData)
        let format: Format
        var bindTheirID: (@Sendable (String, String, [UInt8]) -> [UInt8])?
        switch outbound.format {
        case .cloudEvents:
            format = .cloudEvents
        case .template(let template):
            bindTheirID = { id, marker, body in template.bindingTheirID(id, marker: marker, in: body) }
            let renderer = OutboundRenderer(adapter: adapter, configuration: configuration)
            format = .custom { event in
                let envelope = OutboundEnvelope(
                    eventID: event.recorded.id, eventType: event.recorded.type, schemaVersion: event.recorded.schemaVersion,
                    streamVersion: Int(event.recorded.streamVersion), position: event.recorded.position, time: event.event.occurredAt,
                    municipality: MunicipalityCode(event.recorded.municipality))
                let rendered = try renderer.render(event: event.event, report: event.report, envelope: envelope, main: event.main,
                    notification: event.notification)
                return DeliveryBody(contentType: rendered.contentType, body: Array(rendered.body), theirIDMarker: rendered.theirIDMarker)
            }
        }
        let options = OutboundOptions(
            timeout: outbound.timeout, connectTimeout: outbound.connectTimeout, authentication: outbound.authentication,
            tls: outbound.tls, proxy: outbound.proxy)
        var readExternalID: (@Sendable ([UInt8]) -> String?)?
        if outbound.externalIDPointer != nil {
            readExternalID = { body in outbound.externalID(inResponse: Data(body)) }
        }
        self.init(
            name: adapter.name.rawValue, recipient: recipient,
            filter: { event in
                adapter.hears(changeBy: event.recorded.metadata.actor)
                    && adapter.receives(event.event, report: event.report, municipality: MunicipalityCode(event.recorded.municipality))
            },
            format: format,
            endpoint: DeliveryEndpoint(
                url: outbound.url, urls: outbound.urls, formCredential: outbound.authentication.requestField, options: options, secret: try WebhookSecret(outbound.secret.value),
                retrySchedule: RetrySchedule(waits: outbound.retrySchedule), maxInFlight: outbound.maxInFlight,
                failureThreshold: outbound.circuitBreaker.failures, pause: outbound.circuitBreaker.pause),
            externalIDInResponse: readExternalID,
            bindTheirID: bindTheirID,
            notification: { event, report in
                NotificationDecision.decide(for: report, about: event, policy: configuration.policy(for: report.municipality))
            })
    }
}
