/// Whether the reporter of a report is told about an event, and how (rules 5 and 14).
public enum NotificationDecision: Hashable, Sendable {
    /// Send a message through this channel; with the satisfaction survey when it is the final message.
    case notify(channel: NotificationChannel, includeSatisfactionSurvey: Bool)
    /// Send nothing.
    case skip(NotificationSkipReason)

    /// How an event matters to the reporter.
    enum Relevance {
        case outcome
        case step
        case none
    }

    /// Decides for the reporter of `report` (its state after the event) about `event`.
    ///
    /// The event may belong to the report itself or to its main report, so that reporters of
    /// merged reports hear how the main report goes (rule 6).
    public static func decide(for report: Report, about event: ReportEvent, policy: MunicipalityPolicy) -> NotificationDecision {
        let ownEvent = event.reportID == report.id
        guard ownEvent || event.reportID == report.mainReportID else {
            return .skip(.otherReport)
        }
        guard policy.notificationsEnabled else { return .skip(.municipalityDisabled) }
        let preference = report.notificationPreference
        guard preference.level != .none, let channel = preference.channel else {
            return .skip(.reporterChoseNone)
        }
        let relevance = relevance(of: event, policy: policy.publicStatus, forDuplicate: !ownEvent)
        switch (relevance, preference.level) {
        case (.none, _):
            return .skip(.notForReporter)
        case (.step, .onlyResolution):
            return .skip(.notAnOutcome)
        default:
            break
        }
        if let field = channel.requiredContactField, !report.hasContact(for: field) {
            return .skip(.noContact)
        }
        let survey = relevance == .outcome && policy.satisfactionSurveyEnabled && report.feedback == nil
        return .notify(channel: channel, includeSatisfactionSurvey: survey)
    }

    /// Outcomes are what a reporter who wants "only the resolution" waits for: the party's fix
    /// when it counts as resolved, and any closure. Steps are the other changes the reporter can
    /// see; internal changes and the reporter's own actions are not worth a message.
    static func relevance(of event: ReportEvent, policy: PublicStatusPolicy, forDuplicate: Bool) -> Relevance {
        switch event {
        case .reportClosed:
            return .outcome
        case .workCompletedByParty:
            return policy.completedByPartyCountsAsResolved ? .outcome : .step
        case .reportSubmitted, .reportAcknowledged, .reportForwarded, .workScheduled, .reportReopened, .reportAssigned:
            if case .reportReopened(let reopened) = event, reopened.reopenedBy == .reporter, !forDuplicate {
                return .none
            }
            if case .reportSubmitted = event, forDuplicate {
                return .none
            }
            return .step
        case .reportMerged:
            return forDuplicate ? .none : .step
        case .statusUpdated(let update):
            return update.publicNote == nil ? .none : .step
        case .commentAdded(let comment):
            return comment.visibility == .public && comment.author != .reporter ? .step : .none
        case .reportCategorised, .workRejectedByParty, .resolutionConfirmed, .duplicateAttached,
             .notificationPreferenceChanged, .feedbackGiven, .personalDataErased, .externalIDLinked:
            return .none
        }
    }
}

extension Report {
    fileprivate func hasContact(for field: String) -> Bool {
        switch field {
        case "contact.email": contact?.email != nil
        case "contact.phone": contact?.phone != nil
        default: true
        }
    }
}
