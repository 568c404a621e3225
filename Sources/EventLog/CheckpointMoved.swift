/// A subscriber's batch found its checkpoint moved by another writer (a second hub process, a
/// rebuild): it wrote nothing, and continues from `point`.
public struct CheckpointMoved: Error, Sendable {
    public var point: LogPoint

    public init(point: LogPoint) {
        self.point = point
    }
}
