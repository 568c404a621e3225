import Metrics

/// The projector's metrics (swift-metrics; the hub exports them for Prometheus).
struct ProjectionMetrics: Sendable {
    /// Events folded into the read models.
    let eventsProjected: Counter
    /// Events the domain could not read, skipped (each is also logged as an error).
    let eventsUnreadable: Counter
    /// Time to fold and commit one batch.
    let batchDuration: Timer
    /// How far the projection is behind the log: the log's last position minus the projected one.
    let lag: Gauge

    init(projection: String) {
        let dimensions = [("projection", projection)]
        eventsProjected = Counter(label: "hub_projection_events_total", dimensions: dimensions)
        eventsUnreadable = Counter(label: "hub_projection_unreadable_events_total", dimensions: dimensions)
        batchDuration = Timer(label: "hub_projection_batch_duration_seconds", dimensions: dimensions)
        lag = Gauge(label: "hub_projection_lag_events", dimensions: dimensions)
    }
}
