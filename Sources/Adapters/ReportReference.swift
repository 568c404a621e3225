import ReportDomain

/// The report an inbound message is about, as the message names it.
public enum ReportReference: Sendable, Hashable {
    /// The hub's own report number.
    case hubID(ReportID)
    /// The system's id for the report; the caller looks up which report it is linked to (for this adapter).
    case externalID(String)
}
