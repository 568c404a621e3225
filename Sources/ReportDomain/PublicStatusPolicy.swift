/// How a municipality shows its reports' status to the reporter and the public (rules 1, 3, 13).
public struct PublicStatusPolicy: Hashable, Sendable {
    /// The label per kind of status; `{party}` in a label is replaced by the party's display name.
    public var labels: [PublicStatusKind: String]
    /// Whether a party's "done" may be shown as resolved before the municipality closes the report.
    public var completedByPartyCountsAsResolved: Bool
    /// Whether an administrative closure without a reported fix is shown as resolved. Off by
    /// default: that is exactly the "marked handled, lid still broken" failure of rule 1.
    public var administrativeClosureCountsAsResolved: Bool
    /// Whether status is shown only to a logged-in reporter instead of publicly (rule 3).
    public var requiresLogin: Bool
    /// Whether Open311 clients see a party's "done" as `closed`. Off by default: done by the
    /// contractor is not closed until the municipality closes it or the reporter confirms (rule 1).
    public var completedByPartyClosesOpen311: Bool

    /// Dutch labels, as reporters in the Netherlands read them.
    public static let dutchLabels: [PublicStatusKind: String] = [
        .received: "Ontvangen",
        .inProgress: "In behandeling",
        .scheduled: "Ingepland",
        .forwarded: "Doorgezet naar {party}",
        .resolved: "Opgelost",
        .closed: "Afgesloten",
    ]

    /// A policy; the defaults are public status, Dutch labels, and "resolved" only after a reported fix.
    public init(
        labels: [PublicStatusKind: String] = PublicStatusPolicy.dutchLabels,
        completedByPartyCountsAsResolved: Bool = true,
        administrativeClosureCountsAsResolved: Bool = false,
        requiresLogin: Bool = false,
        completedByPartyClosesOpen311: Bool = false
    ) {
        self.labels = labels
        self.completedByPartyCountsAsResolved = completedByPartyCountsAsResolved
        self.administrativeClosureCountsAsResolved = administrativeClosureCountsAsResolved
        self.requiresLogin = requiresLogin
        self.completedByPartyClosesOpen311 = completedByPartyClosesOpen311
    }
}
