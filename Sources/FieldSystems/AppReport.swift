/// A report as the reporting app keeps it for its user.
public struct AppReport: Sendable, Hashable {
    /// The app's own number, e.g. "VBD-1001": what the user sees.
    public var number: String
    /// The hub's report id.
    public var hubID: String
    /// The reporter's token from the hub: how the app confirms or reopens for its user.
    public var reporterToken: String
    /// The app's status code and text as last received (`doorgezet`, "Doorgezet naar ...").
    public var status: String
    public var statusText: String
    /// The photo of the fix, when the contractor sent one.
    public var fixPhotoURL: String?
    /// The statuses received, in order.
    public var statuses: [String]
    /// What the app sent its user (push messages), in order: only what the hub said to tell.
    public var notifications: [String]
    /// The last delivery's `volgnummer`: an older one arriving late is not shown over a newer one.
    public var sequence: Int
}
