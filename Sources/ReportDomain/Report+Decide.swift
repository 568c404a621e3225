import struct Foundation.Date

extension Report {
    /// Decides which events a command produces, or why it is refused.
    ///
    /// `state` is the report folded from its stream (`nil` when the stream is empty); `policy` is
    /// the report's municipality's policy, used for service levels and for what counts as
    /// "resolved" publicly. Pure: same input, same output.
    ///
    /// The events come back as they read once stored (moments rounded to the millisecond), so
    /// that the state a caller evolves from them equals the state replayed from the log.
    public static func decide(_ command: ReportCommand, state: Report?, policy: MunicipalityPolicy) throws(ReportError) -> [ReportEvent] {
        var stored: [ReportEvent] = []
        for event in try decideAsGiven(command, state: state, policy: policy) {
            stored.append(try event.asStored())
        }
        return stored
    }

    private static func decideAsGiven(_ command: ReportCommand, state: Report?, policy: MunicipalityPolicy) throws(ReportError) -> [ReportEvent] {
        guard let report = state else {
            guard case .submit(let submission) = command.action else {
                throw .notFound(command.reportID)
            }
            return [try submitted(submission, command: command, policy: policy).event]
        }
        if case .submit = command.action {
            throw .alreadySubmitted(report.id)
        }
        guard report.id == command.reportID else {
            throw .wrongReport(expected: report.id, actual: command.reportID)
        }
        guard report.municipality == policy.municipality else {
            throw .wrongMunicipality(report: report.municipality, policy: policy.municipality)
        }
        return try report.decide(command, policy: policy)
    }

    private static func submitted(_ submission: ReportSubmission, command: ReportCommand, policy: MunicipalityPolicy) throws(ReportError) -> ReportSubmitted {
        let municipality = try MunicipalityCode.validated(submission.municipality.rawValue)
        guard municipality == policy.municipality else {
            throw .wrongMunicipality(report: municipality, policy: policy.municipality)
        }
        let channel = try Channel.validated(submission.channel.rawValue)
        let category = try CategoryCode.validated(submission.category.rawValue)
        try String.checkLength(submission.description, field: "description", max: 4000)
        guard submission.photoURLs.count <= 10 else {
            throw .invalidField(field: "photo_urls", reason: "has \(submission.photoURLs.count) photos; at most 10 are allowed")
        }
        for (index, url) in submission.photoURLs.enumerated() {
            try String.checkWebAddress(url, field: "photo_urls[\(index)]")
        }
        let contact = submission.contact.flatMap { $0.isEmpty ? nil : $0 }
        try submission.notificationPreference.check(against: contact)
        let submittedAt = submission.submittedAt ?? command.issuedAt
        let promise = policy.serviceLevels.promise(category: category, urgency: submission.urgency, submittedAt: submittedAt)
        return ReportSubmitted(
            reportID: command.reportID,
            municipality: municipality,
            channel: channel,
            category: category,
            description: submission.description,
            location: submission.location,
            photoURLs: submission.photoURLs,
            contact: contact,
            notificationPreference: submission.notificationPreference,
            urgency: submission.urgency,
            externalReference: submission.externalReference,
            submittedAt: submittedAt,
            expectedAcknowledgementBy: promise.acknowledgeBy,
            expectedResolutionBy: promise.resolveBy
        )
    }

    private func decide(_ command: ReportCommand, policy: MunicipalityPolicy) throws(ReportError) -> [ReportEvent] {
        let actor = command.actor
        let action = command.action
        let at = command.issuedAt
        switch action {
        case .submit:
            throw .alreadySubmitted(id)

        case .acknowledge:
            try requireMunicipality(actor, action)
            try requireOpen(action)
            guard status == .submitted else { throw .alreadyAcknowledged(status: status) }
            return [ReportAcknowledged(reportID: id, occurredAt: at).event]

        case .categorise(let newCategory):
            try requireMunicipality(actor, action)
            try requireOpen(action)
            let newCategory = try CategoryCode.validated(newCategory.rawValue)
            guard newCategory != category else { throw .categoryUnchanged(newCategory) }
            return [ReportCategorised(reportID: id, occurredAt: at, category: newCategory, previousCategory: category).event]

        case .assign(let department):
            try requireMunicipality(actor, action)
            try requireOpen(action)
            if case .department(department) = assignee, [.assigned, .scheduled, .inProgress].contains(status) {
                throw .alreadyAssigned(department: department.name)
            }
            return [ReportAssigned(reportID: id, occurredAt: at, department: department).event]

        case .forward(let party):
            try requireMunicipality(actor, action)
            try requireOpen(action)
            if currentParty?.id == party.id, [.forwarded, .scheduled, .inProgress, .completedByParty].contains(status) {
                throw .alreadyForwarded(party: party.displayName)
            }
            return [ReportForwarded(reportID: id, occurredAt: at, party: party).event]

        case .scheduleWork(let date):
            try requireMunicipalityOrParty(actor, action)
            try requireOpen(action)
            try requireWorkInHand(by: actor, action)
            guard date >= submittedAt else {
                throw .invalidField(field: "scheduled_for", reason: "lies before the report was submitted")
            }
            return [WorkScheduled(reportID: id, occurredAt: at, scheduledFor: date, scheduledBy: actor).event]

        case .updateStatus(let publicNote, let internalNote, let workStarted):
            try requireMunicipalityOrParty(actor, action)
            try requireOpen(action)
            let publicNote = publicNote.flatMap { $0.isBlank ? nil : $0 }
            let internalNote = internalNote.flatMap { $0.isBlank ? nil : $0 }
            try String.checkLength(publicNote, field: "public_note", max: 4000)
            try String.checkLength(internalNote, field: "internal_note", max: 4000)
            guard publicNote != nil || internalNote != nil || workStarted else {
                throw .invalidField(field: "public_note", reason: "and internal_note are both empty; a status update needs at least one note")
            }
            if case .party(let partyID) = actor, currentParty?.id != partyID {
                throw .partyNotAssigned(party: partyID, assignedTo: assigneeName)
            }
            if workStarted {
                try requireWorkInHand(by: actor, action)
            }
            return [StatusUpdated(reportID: id, occurredAt: at, publicNote: publicNote, internalNote: internalNote, workStarted: workStarted, updatedBy: actor).event]

        case .completeWork(let photoURL, let note):
            let party = try requireActingParty(actor, action)
            if let photoURL {
                try String.checkWebAddress(photoURL, field: "photo_url")
            }
            let note = note.flatMap { $0.isBlank ? nil : $0 }
            try String.checkLength(note, field: "note", max: 4000)
            return [WorkCompletedByParty(reportID: id, occurredAt: at, partyID: party.id, photoURL: photoURL, note: note).event]

        case .rejectWork(let reason):
            let party = try requireActingParty(actor, action)
            try String.checkRequired(reason, field: "reason", max: 2000)
            return [WorkRejectedByParty(reportID: id, occurredAt: at, partyID: party.id, reason: reason).event]

        case .close(let reason, let publicNote, let internalNote):
            try requireMunicipality(actor, action)
            if status != .confirmed {
                try requireOpen(action)
            }
            if reason == .resolved, completion == nil, let party = currentParty {
                throw .awaitingParty(party: party.displayName, status: status)
            }
            let publicNote = publicNote.flatMap { $0.isBlank ? nil : $0 }
            let internalNote = internalNote.flatMap { $0.isBlank ? nil : $0 }
            try String.checkLength(publicNote, field: "public_note", max: 4000)
            try String.checkLength(internalNote, field: "internal_note", max: 4000)
            return [ReportClosed(reportID: id, occurredAt: at, reason: reason, publicNote: publicNote, internalNote: internalNote).event]

        case .confirmResolution:
            try requireReporter(actor, action)
            try requireNotMerged(action)
            guard confirmedAt == nil else { throw .alreadyConfirmed }
            guard policy.publicStatus.isResolved(self) else {
                throw .notResolved(action: action.phrase, status: status)
            }
            return [ResolutionConfirmed(reportID: id, occurredAt: at).event]

        case .reopen(let reason):
            switch actor {
            case .reporter, .municipalityUser, .system:
                break
            case .party(let partyID):
                guard completion?.party.id == partyID else {
                    throw .actorNotAllowed(actor: actor, action: "\(action.phrase) unless it reported the work done", status: status)
                }
            }
            try requireNotMerged(action)
            guard confirmedAt == nil else { throw .alreadyConfirmed }
            guard status == .completedByParty || status == .closed else {
                throw .notReopenable(status: status)
            }
            let reason = reason.flatMap { $0.isBlank ? nil : $0 }
            try String.checkLength(reason, field: "reason", max: 4000)
            return [ReportReopened(reportID: id, occurredAt: at, reopenedBy: actor, reason: reason, returnedToPartyID: reopenTarget?.party?.id).event]

        case .merge(let main):
            try requireMunicipality(actor, action)
            guard main.id != id else { throw .mergeIntoItself }
            try requireOpen(action)
            guard main.municipality == municipality else {
                throw .mergeAcrossMunicipalities(report: municipality, mainReport: main.municipality)
            }
            if main.status == .merged, let itsMain = main.mainReportID {
                throw .mainReportIsMerged(mainReportID: main.id, itsMainReportID: itsMain)
            }
            guard duplicateIDs.isEmpty else { throw .hasDuplicates(count: duplicateIDs.count) }
            return [ReportMerged(reportID: id, occurredAt: at, mainReportID: main.id).event]

        case .attachDuplicate(let duplicateID):
            try requireMunicipality(actor, action)
            guard duplicateID != id else { throw .mergeIntoItself }
            try requireNotMerged(action)
            guard !duplicateIDs.contains(duplicateID) else { throw .duplicateAlreadyAttached(duplicateID) }
            return [DuplicateAttached(reportID: id, occurredAt: at, duplicateReportID: duplicateID).event]

        case .addComment(let text, let visibility):
            switch actor {
            case .reporter:
                guard visibility == .public else {
                    throw .invalidField(field: "visibility", reason: "must be public for the reporter's own comments")
                }
            case .party(let partyID):
                guard isVisible(to: partyID) else {
                    throw .partyNotAssigned(party: partyID, assignedTo: assigneeName)
                }
            case .municipalityUser, .system:
                break
            }
            try String.checkRequired(text, field: "text", max: 4000)
            return [CommentAdded(reportID: id, occurredAt: at, author: actor, text: text, visibility: visibility).event]

        case .changeNotificationPreference(let preference, let newContact):
            try requireReporter(actor, action)
            let newContact = newContact.flatMap { $0.isEmpty ? nil : $0 }
            try preference.check(against: newContact ?? contact)
            return [NotificationPreferenceChanged(reportID: id, occurredAt: at, notificationPreference: preference, contact: newContact).event]

        case .giveFeedback(let score, let text):
            try requireReporter(actor, action)
            try requireNotMerged(action)
            guard (1...5).contains(score) else {
                throw .invalidField(field: "score", reason: "must be 1 to 5, but was \(score)")
            }
            let text = text.flatMap { $0.isBlank ? nil : $0 }
            try String.checkLength(text, field: "text", max: 2000)
            guard status == .closed || status == .confirmed || policy.publicStatus.isResolved(self) else {
                throw .notResolved(action: action.phrase, status: status)
            }
            guard feedback == nil else { throw .feedbackAlreadyGiven }
            return [FeedbackGiven(reportID: id, occurredAt: at, score: score, text: text).event]

        case .erasePersonalData(let reason):
            try requireMunicipality(actor, action)
            let reason = reason.flatMap { $0.isBlank ? nil : $0 }
            try String.checkLength(reason, field: "reason", max: 2000)
            guard holdsPersonalData else { return [] }
            return [PersonalDataErased(reportID: id, occurredAt: at, reason: reason).event]

        case .linkExternalID(let reference):
            // Bookkeeping, not handling: allowed in every state, also closed, confirmed or merged,
            // because a late answer from another system must still find the report.
            try requireLinker(actor, of: reference, action)
            // A retried or repeated answer (the same id again) records nothing new.
            guard externalID(in: reference.system) != reference.id else { return [] }
            return [ExternalIDLinked(reportID: id, occurredAt: at, system: reference.system, externalID: reference.id).event]
        }
    }

    /// Linking an id: the municipality (a person or its systems) for any system; a party only for
    /// its own system — the system named like its party id, as its adapter's `party` — and only
    /// on a report it may see (rule 4). The reporter links nothing: their app's number comes with
    /// the submission.
    private func requireLinker(_ actor: Actor, of reference: ExternalReference, _ action: ReportAction) throws(ReportError) {
        switch actor {
        case .municipalityUser, .system:
            return
        case .reporter:
            throw .actorNotAllowed(actor: actor, action: action.phrase, status: nil)
        case .party(let partyID):
            guard isVisible(to: partyID) else {
                throw .partyNotAssigned(party: partyID, assignedTo: assigneeName)
            }
            guard reference.system == partyID.rawValue else {
                throw .actorNotAllowed(
                    actor: actor,
                    action: "link an id in system \(reference.system); a party links only ids of its own system, \(partyID)",
                    status: nil)
            }
        }
    }

    /// Where a reopened report goes: to the party whose fix failed, to the department that had it,
    /// or back to the municipality when nobody did the work (rule 2).
    var reopenTarget: Assignee? {
        if let completion { return .party(completion.party) }
        if case .department = assignee { return assignee }
        return nil
    }

    /// Whether anything personal about the reporter is still in the state.
    var holdsPersonalData: Bool {
        contact != nil
            || feedback?.text != nil
            || comments.contains { $0.author == .reporter && $0.text != nil }
            || !isPersonalDataErased
    }

    private var assigneeName: String? {
        switch assignee {
        case .department(let department): department.name
        case .party(let party): party.displayName
        case nil: nil
        }
    }

    private func requireOpen(_ action: ReportAction) throws(ReportError) {
        try requireNotMerged(action)
        guard status.isOpen else { throw .finished(action: action.phrase, status: status) }
    }

    private func requireNotMerged(_ action: ReportAction) throws(ReportError) {
        if status == .merged, let mainReportID {
            throw .merged(action: action.phrase, mainReportID: mainReportID)
        }
    }

    private func requireMunicipality(_ actor: Actor, _ action: ReportAction) throws(ReportError) {
        guard actor.isMunicipality else {
            throw .actorNotAllowed(actor: actor, action: action.phrase, status: status)
        }
    }

    private func requireReporter(_ actor: Actor, _ action: ReportAction) throws(ReportError) {
        guard actor == .reporter else {
            throw .actorNotAllowed(actor: actor, action: action.phrase, status: status)
        }
    }

    private func requireMunicipalityOrParty(_ actor: Actor, _ action: ReportAction) throws(ReportError) {
        if actor == .reporter {
            throw .actorNotAllowed(actor: actor, action: action.phrase, status: status)
        }
    }

    /// Scheduling and starting work need somebody handling the report; a party may only plan its own work.
    private func requireWorkInHand(by actor: Actor, _ action: ReportAction) throws(ReportError) {
        guard let assignee, [.assigned, .forwarded, .scheduled, .inProgress, .completedByParty].contains(status) else {
            throw .notAssigned(action: action.phrase, status: status)
        }
        if case .party(let partyID) = actor, assignee.party?.id != partyID {
            throw .partyNotAssigned(party: partyID, assignedTo: assigneeName)
        }
        if status == .completedByParty, let party = assignee.party {
            throw .alreadyCompleted(party: party.displayName)
        }
    }

    /// Completing or rejecting work: only the party the report is forwarded to, while it has the work.
    private func requireActingParty(_ actor: Actor, _ action: ReportAction) throws(ReportError) -> Party {
        guard case .party(let partyID) = actor else {
            throw .actorNotAllowed(actor: actor, action: action.phrase, status: status)
        }
        try requireOpen(action)
        guard let party = currentParty else {
            throw .notForwarded(status: status)
        }
        guard party.id == partyID else {
            throw .partyNotAssigned(party: partyID, assignedTo: party.displayName)
        }
        guard status != .completedByParty else {
            throw .alreadyCompleted(party: party.displayName)
        }
        return party
    }
}
