/// The statuses of mySociety's Open311 updates extension (FixMyStreet and its back-end adapters).
///
/// Posted in upper case (`IN_PROGRESS`), read back in lower case (`in_progress`): `rawValue` is the
/// lower-case form, `postedValue` the upper-case one. "closed" and "fixed" are different things.
public enum Open311ExtendedStatus: String, Sendable, Hashable, CaseIterable {
    case open
    case closed
    case fixed
    case inProgress = "in_progress"
    case planned
    case actionScheduled = "action_scheduled"
    case investigating
    case duplicate
    case notCouncilsResponsibility = "not_councils_responsibility"
    case noFurtherAction = "no_further_action"
    case internalReferral = "internal_referral"
    case cancelled
    case reopen
    case forTriage = "for_triage"
    /// A comment that leaves the status as it was.
    case unchanged

    /// Reads a posted status, in any case (`FIXED`, `fixed`); surrounding spaces are ignored.
    public init?(posted text: some StringProtocol) {
        let trimmed = text.trimmingOpen311Whitespace()
        self.init(rawValue: trimmed.lowercased())
    }

    /// The form a client posts: upper case, e.g. `IN_PROGRESS`.
    public var postedValue: String {
        rawValue.uppercased()
    }
}
