import ReportDomain

/// The sentences of one timeline entry: an English summary for the municipality's timeline and,
/// for what the public may see, a public summary and note. Nothing personal about the reporter
/// and no internal note ever reaches the public fields.
struct HistoryText: Sendable, Hashable {
    var summary: String
    var publicSummary: String?
    var publicNote: String?
    var internalNote: String?
    var photoURL: String?
    var reporterWords = false

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    init(_ event: ReportEvent, before: Report?, after: Report) {
        switch event {
        case .reportSubmitted(let submitted):
            summary = "Submitted through \(submitted.channel.rawValue) in category \(submitted.category.rawValue)"
            publicSummary = "Report received"
        case .reportAcknowledged:
            summary = "Acknowledged by the municipality"
            publicSummary = summary
        case .reportCategorised(let categorised):
            summary = "Category changed from \(categorised.previousCategory.rawValue) to \(categorised.category.rawValue)"
            publicSummary = "Category changed to \(categorised.category.rawValue)"
        case .reportAssigned(let assigned):
            summary = "Assigned to department \(assigned.department.name)"
            // Who inside the municipality handles it is internal (rule 3).
            publicSummary = "Being handled by the municipality"
        case .reportForwarded(let forwarded):
            summary = "Forwarded to \(forwarded.party.displayName)"
            publicSummary = summary
        case .workScheduled(let scheduled):
            let date = DocumentTimestamp.string(from: scheduled.scheduledFor)
            summary = "Work scheduled for \(date) by \(Self.name(of: scheduled.scheduledBy, in: after))"
            publicSummary = "Work scheduled for \(date)"
        case .statusUpdated(let update):
            switch (update.workStarted, update.publicNote != nil) {
            case (true, _):
                summary = "Work started"
                publicSummary = summary
            case (false, true):
                summary = "Status update"
                publicSummary = summary
            case (false, false):
                summary = "Internal status note"
                publicSummary = nil
            }
            publicNote = update.publicNote
            internalNote = update.internalNote
        case .workCompletedByParty(let completed):
            let name = after.completion?.party.displayName ?? completed.partyID.rawValue
            summary = "Work reported done by \(name)"
            publicSummary = summary
            publicNote = completed.note
            photoURL = completed.photoURL
        case .workRejectedByParty(let rejected):
            let name = before?.currentParty?.displayName ?? rejected.partyID.rawValue
            summary = "Sent back to the municipality by \(name)"
            publicSummary = "Back with the municipality"
            internalNote = rejected.reason
        case .reportClosed(let closed):
            summary = "Closed: \(Self.phrase(closed.reason))"
            publicSummary = summary
            publicNote = closed.publicNote
            internalNote = closed.internalNote
        case .resolutionConfirmed:
            summary = "The reporter confirmed the fix"
            publicSummary = summary
        case .reportReopened(let reopened):
            let target: String = switch after.assignee {
            case .party(let party): party.displayName
            case .department(let department): "department \(department.name)"
            case nil: "the municipality"
            }
            summary = "Reopened by \(Self.name(of: reopened.reopenedBy, in: after)); back to \(target)"
            publicSummary = "Reopened"
            internalNote = reopened.reason
            reporterWords = reopened.reopenedBy == .reporter
        case .reportMerged(let merged):
            summary = "Bundled under main report \(merged.mainReportID)"
            publicSummary = summary
        case .duplicateAttached(let attached):
            summary = "Report \(attached.duplicateReportID) bundled under this one"
            publicSummary = nil
        case .commentAdded(let comment):
            summary = "Comment by \(Self.name(of: comment.author, in: after))"
            if comment.author == .reporter {
                // The reporter's own words are personal data: internal, and erased on request.
                internalNote = comment.text
                reporterWords = true
                publicSummary = nil
            } else if comment.visibility == .public {
                publicSummary = "Comment"
                publicNote = comment.text
            } else {
                internalNote = comment.text
                publicSummary = nil
            }
        case .notificationPreferenceChanged(let changed):
            let preference = changed.notificationPreference
            let channel = preference.channel.map { " by \($0.rawValue)" } ?? ""
            summary = "Notification preference changed to \(preference.level.rawValue)\(channel)"
                + (changed.contact == nil ? "" : ", with new contact details")
            publicSummary = nil
        case .feedbackGiven(let feedback):
            summary = "Satisfaction feedback: \(feedback.score) of 5"
            publicSummary = nil
            internalNote = feedback.text
            reporterWords = true
        case .personalDataErased(let erased):
            summary = "The reporter's personal data was erased"
            publicSummary = nil
            internalNote = erased.reason
        case .externalIDLinked(let linked):
            // Which systems know the report under which number is bookkeeping: internal (rule 3).
            let previous = before?.externalID(in: linked.system).flatMap { $0 == linked.externalID ? nil : $0 }
            let replaced = previous.map { " (was \($0))" } ?? ""
            summary = "Linked to \(linked.system)'s id \(linked.externalID)\(replaced)"
            publicSummary = nil
        }
    }

    private static func name(of actor: Actor, in report: Report) -> String {
        switch actor {
        case .reporter: return "the reporter"
        case .municipalityUser: return "the municipality"
        case .system(let name): return "system \(name)"
        case .party(let id):
            if let party = report.currentParty, party.id == id { return party.displayName }
            if let party = report.lastCompletedBy, party.id == id { return party.displayName }
            return id.rawValue
        }
    }

    private static func phrase(_ reason: ClosureReason) -> String {
        switch reason {
        case .resolved: "resolved"
        case .administrative: "for administrative reasons"
        case .duplicate: "duplicate of another report"
        case .notMunicipalResponsibility: "not the municipality's responsibility"
        case .noFurtherAction: "no further action"
        }
    }
}
