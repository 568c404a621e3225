import ReportDomain

extension ReportDocument {
    /// The document's JSON, written directly (the same shape its Codable form reads and writes,
    /// at a fraction of JSONEncoder's cost; the projector writes one per changed report).
    func json() -> [UInt8] {
        var writer = JSONWriter(capacity: 1536)
        writer.beginObject()
        writer.key("id")
        writer.uuid(id.uuid)
        writer.key("municipality")
        writer.string(municipality.rawValue)
        writer.key("channel")
        writer.string(channel.rawValue)
        writer.key("category")
        writer.string(category.rawValue)
        writer.key("description")
        writer.string(description)
        writer.key("location")
        writer.location(location)
        writer.key("photo_urls")
        writer.strings(photoURLs)
        writer.key("urgency")
        writer.string(urgency.rawValue)
        writer.key("external_reference")
        if let externalReference {
            writer.beginObject()
            writer.key("system")
            writer.string(externalReference.system)
            writer.key("id")
            writer.string(externalReference.id)
            writer.endObject()
        } else {
            writer.null()
        }
        writer.key("submitted_at")
        writer.timestamp(submittedAt)
        writer.key("service_level")
        writer.beginObject()
        writer.key("acknowledge_by")
        writer.timestamp(serviceLevel.acknowledgeBy)
        writer.key("resolve_by")
        writer.timestamp(serviceLevel.resolveBy)
        writer.endObject()
        writer.key("status")
        writer.string(status.rawValue)
        writer.key("assignee")
        if let assignee {
            writer.beginObject()
            writer.key("kind")
            writer.string(assignee.kind.rawValue)
            writer.key("department")
            if let department = assignee.department {
                writer.beginObject()
                writer.key("code")
                writer.string(department.code)
                writer.key("name")
                writer.string(department.name)
                writer.endObject()
            } else {
                writer.null()
            }
            writer.key("party")
            writer.party(assignee.party)
            writer.endObject()
        } else {
            writer.null()
        }
        writer.key("involved_parties")
        writer.strings(involvedParties.map(\.rawValue))
        writer.key("scheduled_for")
        writer.timestamp(scheduledFor)
        writer.key("completion")
        if let completion {
            writer.beginObject()
            writer.key("party")
            writer.party(completion.party)
            writer.key("photo_url")
            writer.string(completion.photoURL)
            writer.key("note")
            writer.string(completion.note)
            writer.key("at")
            writer.timestamp(completion.at)
            writer.endObject()
        } else {
            writer.null()
        }
        writer.key("last_completed_by")
        writer.party(lastCompletedBy)
        writer.key("closure")
        if let closure {
            writer.beginObject()
            writer.key("reason")
            writer.string(closure.reason.rawValue)
            writer.key("public_note")
            writer.string(closure.publicNote)
            writer.key("at")
            writer.timestamp(closure.at)
            writer.endObject()
        } else {
            writer.null()
        }
        writer.key("confirmed_at")
        writer.timestamp(confirmedAt)
        writer.key("reopen_count")
        writer.int(reopenCount)
        writer.key("public_notes")
        writer.notes(publicNotes)
        writer.key("internal_notes")
        writer.notes(internalNotes)
        writer.key("comments")
        writer.beginArray()
        for comment in comments {
            writer.beginObject()
            writer.key("author")
            writer.actor(comment.author)
            writer.key("text")
            writer.string(comment.text)
            writer.key("visibility")
            writer.string(comment.visibility.rawValue)
            writer.key("at")
            writer.timestamp(comment.at)
            writer.endObject()
        }
        writer.endArray()
        writer.key("feedback")
        if let feedback {
            writer.beginObject()
            writer.key("score")
            writer.int(feedback.score)
            writer.key("text")
            writer.string(feedback.text)
            writer.key("at")
            writer.timestamp(feedback.at)
            writer.endObject()
        } else {
            writer.null()
        }
        writer.key("main_report_id")
        writer.uuid(mainReportID?.uuid)
        writer.key("duplicate_ids")
        writer.beginArray()
        for duplicate in duplicateIDs { writer.uuid(duplicate.uuid) }
        writer.endArray()
        writer.key("personal_data_erased")
        writer.bool(personalDataErased)
        writer.key("reporter")
        if let reporter {
            writer.beginObject()
            writer.key("contact")
            if let contact = reporter.contact {
                writer.beginObject()
                writer.key("name")
                writer.string(contact.name)
                writer.key("email")
                writer.string(contact.email)
                writer.key("phone")
                writer.string(contact.phone)
                writer.endObject()
            } else {
                writer.null()
            }
            writer.key("notification_preference")
            writer.beginObject()
            writer.key("level")
            writer.string(reporter.notificationPreference.level.rawValue)
            writer.key("channel")
            writer.string(reporter.notificationPreference.channel?.rawValue)
            writer.endObject()
            writer.endObject()
        } else {
            writer.null()
        }
        writer.key("version")
        writer.int(Int(version))
        writer.key("updated_at")
        writer.timestamp(updatedAt)
        writer.endObject()
        return writer.bytes
    }
}

extension JSONWriter {
    mutating func location(_ location: Location) {
        beginObject()
        key("latitude")
        double(location.latitude)
        key("longitude")
        double(location.longitude)
        key("address")
        string(location.address)
        key("postcode")
        string(location.postcode)
        endObject()
    }

    mutating func party(_ party: Party?) {
        guard let party else { return null() }
        beginObject()
        key("id")
        string(party.id.rawValue)
        key("display_name")
        string(party.displayName)
        key("has_processing_agreement")
        bool(party.hasProcessingAgreement)
        endObject()
    }

    mutating func actor(_ actor: Actor) {
        beginObject()
        key("kind")
        switch actor {
        case .reporter:
            string("reporter")
            key("id")
            null()
        case .municipalityUser(let id):
            string("municipality_user")
            key("id")
            string(id)
        case .party(let id):
            string("party")
            key("id")
            string(id.rawValue)
        case .system(let name):
            string("system")
            key("id")
            string(name)
        }
        endObject()
    }

    mutating func notes(_ notes: [ReportDocument.Note]) {
        beginArray()
        for note in notes {
            beginObject()
            key("at")
            timestamp(note.at)
            key("text")
            string(note.text)
            endObject()
        }
        endArray()
    }
}
