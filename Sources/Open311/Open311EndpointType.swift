/// Whether a discovered endpoint acts on what it receives.
public enum Open311EndpointType: String, Sendable, Hashable, CaseIterable {
    /// Live: requests are acted upon.
    case production
    /// For trying out; nothing is acted upon.
    case test
}
