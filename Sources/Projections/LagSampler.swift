import EventLog
import Metrics

/// Measures the projection's lag at most once a second: the log's end position minus the
/// projected one (positions are gappy, so it is an upper bound in events).
struct LagSampler: Sendable {
    private var last: ContinuousClock.Instant?

    mutating func sample(store: EventStore, projected: LogPoint, into metrics: ProjectionMetrics) async {
        let now = ContinuousClock.now
        if let last, now - last < .seconds(1) { return }
        last = now
        guard let end = try? await store.endPoint() else { return }
        metrics.lag.record(max(0, end.position - projected.position))
    }
}
