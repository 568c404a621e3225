import ReportDomain

/// Their category codes ⇄ ours. Several of their codes may mean one of ours; going out, the
/// first pair listed for our code gives their code.
public struct CategoryMapping: Sendable {
    /// The pairs in file order.
    public var pairs: [(ours: CategoryCode, theirs: String)]

    public init(pairs: [(ours: CategoryCode, theirs: String)] = []) {
        self.pairs = pairs
    }

    /// Their code for our category; `nil` when the file does not map it.
    public func theirs(for ours: CategoryCode) -> String? {
        pairs.first { $0.ours == ours }?.theirs
    }

    /// Our category for their code; `nil` when the file does not map it.
    public func ours(for theirs: String) -> CategoryCode? {
        pairs.first { $0.theirs == theirs }?.ours
    }
}
