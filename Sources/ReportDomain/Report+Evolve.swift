extension Report {
    /// Folds one event into the state.
    ///
    /// Total and forgiving, because the log is the truth: an event that does not start a report is
    /// ignored on an empty state, a second `ReportSubmitted` and events of other reports are ignored.
    /// Everything else was checked by `decide` before it was written.
    public static func evolve(_ state: Report?, _ event: ReportEvent) -> Report? {
        guard var report = state else {
            if case .reportSubmitted(let submitted) = event {
                return Report(submitted)
            }
            return nil
        }
        guard event.reportID == report.id else { return report }
        if case .reportSubmitted = event { return report }
        report.apply(event)
        report.version += 1
        report.updatedAt = event.occurredAt
        return report
    }

    /// Folds a whole stream, oldest event first.
    public static func replay(_ events: some Sequence<ReportEvent>) -> Report? {
        events.reduce(nil, evolve)
    }

    init(_ submitted: ReportSubmitted) {
        id = submitted.reportID
        municipality = submitted.municipality
        channel = submitted.channel
        category = submitted.category
        description = submitted.description
        location = submitted.location
        photoURLs = submitted.photoURLs
        contact = submitted.contact
        notificationPreference = submitted.notificationPreference
        urgency = submitted.urgency
        externalReference = submitted.externalReference
        externalReferences = submitted.externalReference.map { [$0] } ?? []
        submittedAt = submitted.submittedAt
        serviceLevel = ServiceLevelPromise(acknowledgeBy: submitted.expectedAcknowledgementBy, resolveBy: submitted.expectedResolutionBy)
        status = .submitted
        assignee = nil
        involvedParties = []
        scheduledFor = nil
        completion = nil
        lastCompletedBy = nil
        closure = nil
        confirmedAt = nil
        reopenCount = 0
        publicNotes = []
        internalNotes = []
        comments = []
        feedback = nil
        mainReportID = nil
        duplicateIDs = []
        isPersonalDataErased = false
        version = 1
        updatedAt = submitted.submittedAt
    }

    private mutating func apply(_ event: ReportEvent) {
        switch event {
        case .reportSubmitted:
            break
        case .reportAcknowledged:
            status = .acknowledged
        case .reportCategorised(let event):
            category = event.category
        case .reportAssigned(let event):
            status = .assigned
            assignee = .department(event.department)
            startNewRound()
        case .reportForwarded(let event):
            status = .forwarded
            assignee = .party(event.party)
            if !involvedParties.contains(event.party.id) {
                involvedParties.append(event.party.id)
            }
            startNewRound()
        case .workScheduled(let event):
            status = .scheduled
            scheduledFor = event.scheduledFor
        case .statusUpdated(let event):
            if let note = event.publicNote {
                publicNotes.append(ReportNote(at: event.occurredAt, text: note))
            }
            if let note = event.internalNote {
                internalNotes.append(ReportNote(at: event.occurredAt, text: note))
            }
            if event.workStarted {
                status = .inProgress
            }
        case .workCompletedByParty(let event):
            let party = currentParty ?? Party(uncheckedID: event.partyID)
            status = .completedByParty
            completion = WorkCompletion(party: party, photoURL: event.photoURL, note: event.note, at: event.occurredAt)
            lastCompletedBy = party
        case .workRejectedByParty(let event):
            status = .returnedToMunicipality
            assignee = nil
            internalNotes.append(ReportNote(at: event.occurredAt, text: event.reason))
            startNewRound()
        case .reportClosed(let event):
            status = .closed
            closure = ReportClosure(reason: event.reason, publicNote: event.publicNote, at: event.occurredAt)
            if let note = event.internalNote {
                internalNotes.append(ReportNote(at: event.occurredAt, text: note))
            }
        case .resolutionConfirmed(let event):
            status = .confirmed
            confirmedAt = event.occurredAt
        case .reportReopened:
            let target = reopenTarget
            assignee = target
            switch target {
            case .party: status = .forwarded
            case .department: status = .assigned
            case nil: status = .returnedToMunicipality
            }
            closure = nil
            feedback = nil
            reopenCount += 1
            startNewRound()
        case .reportMerged(let event):
            status = .merged
            mainReportID = event.mainReportID
        case .duplicateAttached(let event):
            if !duplicateIDs.contains(event.duplicateReportID) {
                duplicateIDs.append(event.duplicateReportID)
            }
        case .commentAdded(let event):
            comments.append(ReportComment(author: event.author, text: event.text, visibility: event.visibility, at: event.occurredAt))
        case .notificationPreferenceChanged(let event):
            notificationPreference = event.notificationPreference
            if let newContact = event.contact {
                contact = newContact
            }
        case .feedbackGiven(let event):
            feedback = SatisfactionFeedback(score: event.score, text: event.text, at: event.occurredAt)
        case .personalDataErased:
            erasePersonalData()
        case .externalIDLinked(let event):
            link(event.reference)
        }
    }

    /// A system has one id per report: a new id replaces the system's old one in place, so the
    /// order stays that of the first link. The source system's reference follows, so that status
    /// flows back under the number that system uses now (rule 2).
    private mutating func link(_ reference: ExternalReference) {
        if let index = externalReferences.firstIndex(where: { $0.system == reference.system }) {
            externalReferences[index] = reference
        } else {
            externalReferences.append(reference)
        }
        if externalReference?.system == reference.system {
            externalReference = reference
        }
    }

    /// A new assignment or a reopen starts a new round of handling: the old plan and fix no longer apply.
    private mutating func startNewRound() {
        scheduledFor = nil
        completion = nil
    }

    /// Removes what identifies the reporter. The reporter's own words may identify them too, so
    /// their comments and survey text go as well; what others wrote stays.
    mutating func erasePersonalData() {
        contact = nil
        notificationPreference = .none
        comments = comments.map { comment in
            comment.author == .reporter
                ? ReportComment(author: comment.author, text: nil, visibility: comment.visibility, at: comment.at)
                : comment
        }
        if let feedback {
            self.feedback = SatisfactionFeedback(score: feedback.score, text: nil, at: feedback.at)
        }
        isPersonalDataErased = true
    }
}
