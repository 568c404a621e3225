import Hummingbird
import Logging

/// The per-request context: Hummingbird's core plus who is calling.
public struct HubRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `AccessMiddleware` from the request's key; anonymous until then.
    public var caller: Caller

    public init(source: Source) {
        coreContext = .init(source: source)
        caller = .anonymous
    }

    /// Bodies larger than this are refused with 413 before they are read whole.
    public var maxUploadSize: Int { 256 * 1024 }
}
