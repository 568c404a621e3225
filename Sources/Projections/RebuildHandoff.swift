import Foundation

/// Hands the rebuild's chunks from the reading thread to the writing thread (both the pool's
/// threads, where blocking is allowed), at most `capacity` ahead, so that reading and folding
/// overlap with PostgreSQL loading the previous chunk.
final class RebuildHandoff<Item: Sendable>: @unchecked Sendable {
    // @unchecked Sendable: every stored property is guarded by `condition`.
    private let condition = NSCondition()
    private var items: [Item] = []
    private var finished = false
    private var failure: (any Error)?
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Blocks while full; throws the other side's failure.
    func put(_ item: Item) throws {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity, failure == nil { condition.wait() }
        if let failure { throw failure }
        items.append(item)
        condition.broadcast()
    }

    /// Blocks while empty; nil once finished and drained; throws the other side's failure.
    func take() throws -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty, !finished, failure == nil { condition.wait() }
        if let failure { throw failure }
        if items.isEmpty { return nil }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Stops both sides: the next `put` or `take` throws `error` (the first failure wins).
    func fail(_ error: any Error) {
        condition.lock()
        if failure == nil { failure = error }
        condition.broadcast()
        condition.unlock()
    }
}
