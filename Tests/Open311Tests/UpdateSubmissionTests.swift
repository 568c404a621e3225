import Foundation
import Open311
import Testing

@Suite("POST /servicerequestupdates form")
struct UpdateSubmissionTests {
    func parse(_ body: String) throws -> Open311UpdateSubmission {
        try Open311UpdateSubmission.parse(Open311Form(urlEncoded: body))
    }

    func failedFields(_ body: String) -> [String] {
        do {
            _ = try parse(body)
            return []
        } catch let errors as Open311Errors {
            return errors.errors.map { $0.field ?? "" }
        } catch {
            return ["unexpected \(error)"]
        }
    }

    let required = "service_request_id=42&update_id=u-7&updated_datetime=2026-11-23T14%3A05%3A00%2B01%3A00"

    @Test("An update as FixMyStreet posts it")
    func fixMyStreetUpdate() throws {
        let update = try parse(
            "api_key=k&jurisdiction_id=leerdam&" + required + "&status=FIXED&description=Deksel+vervangen"
            + "&email=johan%40example.nl&first_name=Johan&last_name=de+Vries&title=Mr&phone=0612345678"
            + "&email_alerts_requested=FALSE&public_anonymity_required=TRUE&media_url=https%3A%2F%2Ffms.example%2Fp%2F1.jpeg&service_code=007")
        #expect(update.apiKey == "k")
        #expect(update.jurisdictionID == "leerdam")
        #expect(update.serviceRequestID == "42")
        #expect(update.updateID == "u-7")
        #expect(update.status == .fixed)
        #expect(update.updatedDatetime == Fixtures.date(2026, 11, 23, 13, 5, 0))
        #expect(update.description == "Deksel vervangen")
        #expect(update.email == "johan@example.nl")
        #expect(update.firstName == "Johan" && update.lastName == "de Vries" && update.title == "Mr")
        #expect(update.phone == "0612345678")
        #expect(update.emailAlertsRequested == false)
        #expect(update.publicAnonymityRequired == true)
        #expect(update.mediaURL?.absoluteString == "https://fms.example/p/1.jpeg")
        #expect(update.serviceCode == "007")
    }

    @Test("Every extended status is accepted as posted (upper case) and read back in lower case", arguments: Open311ExtendedStatus.allCases)
    func statuses(status: Open311ExtendedStatus) throws {
        #expect(status.rawValue == status.postedValue.lowercased())
        #expect(try parse(required + "&status=" + status.postedValue).status == status)
        #expect(try parse(required + "&status=" + status.rawValue).status == status)
    }

    @Test("The extension's fifteen statuses, no more and no fewer")
    func statusSet() {
        #expect(Set(Open311ExtendedStatus.allCases.map(\.postedValue)) == [
            "OPEN", "CLOSED", "FIXED", "IN_PROGRESS", "PLANNED", "ACTION_SCHEDULED", "INVESTIGATING", "DUPLICATE",
            "NOT_COUNCILS_RESPONSIBILITY", "NO_FURTHER_ACTION", "INTERNAL_REFERRAL", "CANCELLED", "REOPEN", "FOR_TRIAGE", "UNCHANGED",
        ])
    }

    @Test("An unknown status is a 400 listing the allowed ones")
    func unknownStatus() throws {
        do {
            _ = try parse(required + "&status=RESOLVED")
            Issue.record("RESOLVED was accepted")
        } catch let errors as Open311Errors {
            #expect(errors.httpStatus == 400)
            let error = try #require(errors.errors.first)
            #expect(error.field == "status")
            #expect(error.description.contains("RESOLVED") && error.description.contains("NOT_COUNCILS_RESPONSIBILITY"))
        }
    }

    @Test("service_request_id, update_id, status and updated_datetime are required")
    func requiredFields() {
        #expect(Set(failedFields("description=hallo")) == ["service_request_id", "update_id", "status", "updated_datetime"])
        #expect(failedFields("service_request_id=42&update_id=u&status=OPEN") == ["updated_datetime"])
    }

    @Test("updated_datetime must be ISO 8601 with a zone", arguments: ["23-11-2026", "2026-11-23T14:05:00", "nu"])
    func badDatetime(value: String) {
        #expect(failedFields("service_request_id=42&update_id=u&status=OPEN&updated_datetime=" + value) == ["updated_datetime"])
    }

    @Test("A status-only update needs no description")
    func noDescription() throws {
        let update = try parse(required + "&status=CLOSED&description=")
        #expect(update.description == nil)
        #expect(update.mediaURLs.isEmpty)
    }

    @Test("Flags are TRUE or FALSE")
    func flags() {
        #expect(failedFields(required + "&status=OPEN&email_alerts_requested=maybe") == ["email_alerts_requested"])
        #expect((try? parse(required + "&status=OPEN&email_alerts_requested=true"))?.emailAlertsRequested == true)
    }
}
