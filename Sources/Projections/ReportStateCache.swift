import ReportDomain

/// The projector's memory of recent reports' states, so that an event does not make it replay
/// the report's stream: bounded, and roughly least-recently-used.
///
/// Two generations: lookups hit the recent one or promote from the older; when the recent one is
/// full it becomes the older and the oldest is dropped. Constant time, no bookkeeping per hit.
struct ReportStateCache: Sendable {
    let capacity: Int
    private var recent: [ReportID: ReportFold] = [:]
    private var older: [ReportID: ReportFold] = [:]

    init(capacity: Int) {
        self.capacity = max(2, capacity)
    }

    mutating func state(of id: ReportID) -> ReportFold? {
        if let fold = recent[id] { return fold }
        guard let fold = older.removeValue(forKey: id) else { return nil }
        remember(fold)
        return fold
    }

    mutating func remember(_ fold: ReportFold) {
        recent[fold.report.id] = fold
        if recent.count >= capacity / 2 {
            older = recent
            recent = [:]
        }
    }

    mutating func removeAll() {
        recent = [:]
        older = [:]
    }

    var count: Int { recent.count + older.count }
}
