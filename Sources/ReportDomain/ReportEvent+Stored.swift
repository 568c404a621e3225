import struct Foundation.Data

extension ReportEvent {
    /// The event as it reads back from its encoding: what the log will hand to every reader.
    func asStored() throws(ReportError) -> ReportEvent {
        try ReportEvent.decode(eventType: eventType, schemaVersion: schemaVersion, data: try encodedData())
    }
}
