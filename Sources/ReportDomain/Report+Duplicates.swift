extension Report {
    /// The report whose status this one shows (rule 6): `main` when this report is merged under it
    /// (and `main` is not merged itself), else this report.
    public func followed(main: Report?) -> Report {
        guard status == .merged, let main, main.id == mainReportID, main.status != .merged else { return self }
        return main
    }
}
