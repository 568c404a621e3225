import EventLog
import ReportDomain

extension ReportFold {
    /// Folds one event of the report's stream into the state and returns what it adds to the
    /// read models. The live projector and the rebuild both go through here, so that they build
    /// the same rows.
    ///
    /// Events before the submission, and events the domain cannot read, add nothing; the latter
    /// still count for the stream version.
    static func apply(_ logged: LoggedEvent, to fold: ReportFold?) -> (ReportFold?, EventRows) {
        guard var fold else {
            guard case .reportSubmitted(let submitted)? = logged.event, let report = Report.evolve(nil, .reportSubmitted(submitted))
            else { return (nil, .none) }
            let fold = ReportFold(report: report, reporterTokenHash: logged.metadata.reporterTokenHash, version: logged.streamVersion)
            var ids = externalIDs(in: logged, of: report)
            if let reference = submitted.externalReference {
                ids.insert(
                    ExternalIDRow(
                        system: reference.system, externalID: reference.id, reportID: report.id,
                        municipality: report.municipality, point: logged.point), at: 0)
            }
            return (fold, EventRows(history: history(of: logged, before: nil, after: report), externalIDs: ids, erasesReporterWords: false))
        }
        fold.version = logged.streamVersion
        guard let event = logged.event else { return (fold, .none) }
        let before = fold.report
        fold.report = Report.evolve(before, event) ?? before
        let erases: Bool
        if case .personalDataErased = event { erases = true } else { erases = false }
        var ids = externalIDs(in: logged, of: fold.report)
        if case .externalIDLinked(let linked) = event,
           !ids.contains(where: { $0.system == linked.system && $0.externalID == linked.externalID }) {
            // The same row shape as a metadata link. A replaced id of the same system keeps its
            // row: the card index's key is (system, external_id), and a late message that still
            // names the old number must find the report; the report's state knows the current one.
            ids.append(
                ExternalIDRow(
                    system: linked.system, externalID: linked.externalID, reportID: fold.report.id,
                    municipality: fold.report.municipality, point: logged.point))
        }
        return (
            fold,
            EventRows(
                history: history(of: logged, before: before, after: fold.report),
                externalIDs: ids, erasesReporterWords: erases)
        )
    }

    private static func externalIDs(in logged: LoggedEvent, of report: Report) -> [ExternalIDRow] {
        logged.metadata.externalIDs.sorted { $0.key < $1.key }.map { system, id in
            ExternalIDRow(system: system, externalID: id, reportID: report.id, municipality: report.municipality, point: logged.point)
        }
    }

    private static func history(of logged: LoggedEvent, before: Report?, after: Report) -> HistoryRow? {
        guard let event = logged.event else { return nil }
        let text = HistoryText(event, before: before, after: after)
        return HistoryRow(
            reportID: after.id, streamVersion: logged.streamVersion, municipality: after.municipality, point: logged.point,
            occurredAt: event.occurredAt, recordedAt: logged.recordedAt, eventType: logged.type, actor: logged.metadata.actor,
            summary: text.summary, publicSummary: text.publicSummary, publicNote: text.publicNote,
            internalNote: text.internalNote, photoURL: text.photoURL, reporterWords: text.reporterWords)
    }
}
