/// Who currently handles a report: a municipal department or an external party.
public enum Assignee: Hashable, Sendable {
    /// The municipality handles it itself.
    case department(Department)
    /// An external party does the work; the report is forwarded, not handled (rule 1).
    case party(Party)

    /// The party, when the report is with an external party.
    public var party: Party? {
        if case .party(let party) = self { party } else { nil }
    }
}
