extension ReportEvent {
    /// Whether this event of a main report changes what the reporters of the reports merged under
    /// it see (rule 6): its status, planning, the fix and its photo, a public note. The systems
    /// that show those reporters their report hear of such an event as of their own report;
    /// bookkeeping (a category, an erasure, the main reporter's own feedback) stays with the main report.
    public var reachesDuplicates: Bool {
        // Whether a duplicate's reporter would hear of it does not depend on the municipality's
        // policy, only how loudly (step or outcome): any policy gives the same answer here.
        NotificationDecision.relevance(of: self, policy: PublicStatusPolicy(), forDuplicate: true) != .none
    }
}
