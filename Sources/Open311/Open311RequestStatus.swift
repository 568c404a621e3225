/// A service request's status in GeoReport v2: `open` or `closed`, nothing richer.
///
/// Named apart from `ReportDomain.Open311Status` (the domain's derivation of it) so that a module
/// importing both never has to disambiguate.
public enum Open311RequestStatus: String, Sendable, Hashable, CaseIterable {
    /// It has been reported and is being handled.
    case open
    /// It has been resolved.
    case closed
}
