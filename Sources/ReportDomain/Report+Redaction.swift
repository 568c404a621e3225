extension Report {
    /// The report as a party may receive it (rule 4): whole for a party with a processing
    /// agreement, without the reporter's personal data for any other.
    ///
    /// Call it for every party-bound delivery; the result still carries everything needed to do
    /// the work (location, description, photos, category).
    public func redacted(for party: Party) -> Report {
        guard !party.hasProcessingAgreement else { return self }
        var redacted = self
        redacted.contact = nil
        redacted.notificationPreference = .none
        redacted.comments = comments.map { comment in
            comment.author == .reporter
                ? ReportComment(author: comment.author, text: nil, visibility: comment.visibility, at: comment.at)
                : comment
        }
        if let feedback {
            redacted.feedback = SatisfactionFeedback(score: feedback.score, text: nil, at: feedback.at)
        }
        return redacted
    }
}
