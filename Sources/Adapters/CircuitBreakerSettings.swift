/// When to stop hammering a system that keeps failing, and for how long.
public struct CircuitBreakerSettings: Sendable, Hashable {
    /// Consecutive failed deliveries that open the circuit.
    public var failures: Int
    /// How long the circuit stays open before one delivery tries again.
    public var pause: Duration

    public init(failures: Int = 5, pause: Duration = .seconds(60)) {
        self.failures = failures
        self.pause = pause
    }
}
