import ReportDomain

extension ReportDocument {
    /// The document as a party without a processing agreement may receive it (rule 4): no
    /// `reporter` object, and neither the reporter's comments nor their survey text — the same
    /// data `Report.redacted(for:)` removes. Everything needed to do the work stays.
    public func redacted() -> ReportDocument {
        var redacted = self
        redacted.reporter = nil
        redacted.comments = comments.map { comment in
            var comment = comment
            if comment.author == .reporter { comment.text = nil }
            return comment
        }
        redacted.feedback?.text = nil
        return redacted
    }
}
