import ReportDomain


extension PublicReportDocument.Status {
    init(_ status: PublicStatus, label: String, open311: Open311Status) {
        switch status {
        case .scheduled(let date, let partyName):
            self.init(kind: status.kind, label: label, open311: open311, partyName: partyName, scheduledFor: date, closureReason: nil)
        case .forwarded(let partyName):
            self.init(kind: status.kind, label: label, open311: open311, partyName: partyName, scheduledFor: nil, closureReason: nil)
        case .closed(let reason):
            self.init(kind: status.kind, label: label, open311: open311, partyName: nil, scheduledFor: nil, closureReason: reason)
        case .received, .inProgress, .resolved:
            self.init(kind: status.kind, label: label, open311: open311, partyName: nil, scheduledFor: nil, closureReason: nil)
        }
    }
}
