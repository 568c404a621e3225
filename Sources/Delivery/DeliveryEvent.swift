import EventLog
import ReportDomain

/// One event as a subscription sees it: the stored event, the domain event and the report right
/// after it — both already redacted for the adapter when it may not receive personal data (rule 4).
public struct DeliveryEvent: Sendable {
    /// The event as the log stores it (its data unredacted: use `data`, never `recorded.data`).
    public var recorded: RecordedEvent
    /// The domain event, redacted for the adapter.
    public var event: ReportEvent
    /// The report as it was right after this event, redacted for the adapter. For an event of a
    /// main report delivered for a duplicate merged under it (rule 6): the duplicate.
    public var report: Report
    /// The main report, when `report` is merged under one: its status is the one `report` shows.
    public var main: Report?
    /// The event's JSON data as the adapter may receive it.
    public var data: [UInt8]
    /// Whether the reporter is told about this event, decided on the report before redaction
    /// (rule 5); the scheduler sets it for adapters with their own format, whose templates use it.
    public var notification: NotificationDecision

    public init(
        recorded: RecordedEvent, event: ReportEvent, report: Report, data: [UInt8],
        main: Report? = nil, notification: NotificationDecision = .skip(.notForReporter)
    ) {
        self.main = main
        self.notification = notification
        self.recorded = recorded
        self.event = event
        self.report = report
        self.data = data
    }
}
