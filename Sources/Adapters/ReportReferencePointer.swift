/// Where in the system's message the report is named: by the hub's report id, or by the
/// system's own id for it (the work-order number the hub linked when it delivered the report).
public enum ReportReferencePointer: Sendable, Hashable {
    /// `report: { hub_id: /meldingId }`.
    case hubID(String)
    /// `report: { external_id: /work_order }`.
    case externalID(String)

    /// The JSON pointer either way.
    public var pointer: String {
        switch self {
        case .hubID(let pointer), .externalID(let pointer): pointer
        }
    }
}
