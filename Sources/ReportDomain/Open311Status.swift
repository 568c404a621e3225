/// Open311 GeoReport v2's two statuses, for clients that understand nothing richer.
public enum Open311Status: String, Hashable, Sendable, Codable, CaseIterable {
    /// Still being handled.
    case open
    /// Resolved or closed.
    case closed
}
