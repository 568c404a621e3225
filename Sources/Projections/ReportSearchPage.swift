/// One page of search results.
public struct ReportSearchPage: Sendable, Hashable {
    public var items: [ReportSummary]
    /// Whether more matches follow this page.
    public var hasMore: Bool
    /// Every match, when the search asked for it (`includeTotal`).
    public var total: Int?
    /// Give it as the next search's `cursor` to read on; nil on the last page.
    public var nextCursor: String?

    public init(items: [ReportSummary], hasMore: Bool, total: Int?, nextCursor: String?) {
        self.items = items
        self.hasMore = hasMore
        self.total = total
        self.nextCursor = nextCursor
    }
}
