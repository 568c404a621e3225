extension ReportEvent {
    /// The event as a party may receive it (rule 4), by the same rule as `Report.redacted(for:)`:
    /// whole for a party with a processing agreement; otherwise without the reporter's contact data,
    /// notification choice and feedback text — and a comment the reporter wrote is withheld (`nil`),
    /// because its text is the reporter's own words.
    public func redacted(for party: Party) -> ReportEvent? {
        guard !party.hasProcessingAgreement else { return self }
        switch self {
        case .reportSubmitted(let submitted):
            return .reportSubmitted(ReportSubmitted(
                reportID: submitted.reportID, municipality: submitted.municipality, channel: submitted.channel,
                category: submitted.category, description: submitted.description, location: submitted.location,
                photoURLs: submitted.photoURLs, contact: nil, notificationPreference: .none, urgency: submitted.urgency,
                externalReference: submitted.externalReference, submittedAt: submitted.submittedAt,
                expectedAcknowledgementBy: submitted.expectedAcknowledgementBy,
                expectedResolutionBy: submitted.expectedResolutionBy))
        case .notificationPreferenceChanged(let changed):
            return .notificationPreferenceChanged(NotificationPreferenceChanged(
                reportID: changed.reportID, occurredAt: changed.occurredAt, notificationPreference: .none, contact: nil))
        case .feedbackGiven(let feedback):
            return .feedbackGiven(FeedbackGiven(reportID: feedback.reportID, occurredAt: feedback.occurredAt, score: feedback.score, text: nil))
        case .commentAdded(let comment) where comment.author == .reporter:
            return nil
        default:
            return self
        }
    }
}
