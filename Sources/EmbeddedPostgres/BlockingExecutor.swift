import Dispatch

/// Runs blocking work (child processes, `flock`, sleeps while polling) on Dispatch threads, so that
/// Swift's cooperative pool, which has only as many threads as cores, never waits on a child process.
enum BlockingExecutor {
    /// Concurrent, so one caller blocked on the cluster lock does not hold up another's unrelated work.
    private static let queue = DispatchQueue(
        label: "EmbeddedPostgres.blocking",
        qos: .userInitiated,
        attributes: .concurrent
    )

    /// Runs `body` off the cooperative pool and resumes the caller with its result.
    ///
    /// Not cancellable on purpose: a cluster half started or half stopped is worse than a late answer,
    /// and every blocking step below carries its own time limit.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
