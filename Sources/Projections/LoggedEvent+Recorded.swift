import EventLog
import ReportDomain

extension LoggedEvent {
    /// The event as the projection reads it, and the domain's reason when it cannot read it.
    static func reading(_ recorded: RecordedEvent) -> (LoggedEvent, (any Error)?) {
        var logged = LoggedEvent(
            point: recorded.point, streamVersion: recorded.streamVersion, recordedAt: recorded.recordedAt,
            type: recorded.type, metadata: recorded.metadata, event: nil)
        do {
            logged.event = try ReportEventReader.read(eventType: recorded.type, schemaVersion: recorded.schemaVersion, data: recorded.data)
            return (logged, nil)
        } catch {
            return (logged, error)
        }
    }
}

extension ReportError {
    /// What may be logged of a decoding failure: the stable code, never the offending value.
    static func loggable(_ error: any Error) -> String {
        (error as? ReportError)?.code ?? String(describing: type(of: error))
    }
}
