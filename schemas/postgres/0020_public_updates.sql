-- Open311's updates extension (GET /servicerequestupdates): the public timeline entries of one
-- municipality's reports in a time window, oldest first, optionally only of reports a party may
-- see (rule 4). The event id is the update's stable id; the closing reason tells "fixed" from
-- "closed" (a reason is never personal data).
CREATE INDEX report_history_municipality_occurred ON hub.report_history (municipality, occurred_at);

CREATE FUNCTION hub.public_updates(
    p_municipality text, p_party text, p_from timestamptz, p_to timestamptz, p_limit integer
) RETURNS TABLE (
    event_id uuid, report_id uuid, event_type text, occurred_at timestamptz,
    public_summary text, public_note text, photo_url text, closure_reason text
)
LANGUAGE sql STABLE
AS $$
    SELECT e.event_id, h.report_id, h.event_type, h.occurred_at,
           h.public_summary, h.public_note, h.photo_url,
           CASE WHEN h.event_type = 'ReportClosed' THEN e.data->>'reason' END
      FROM hub.report_history h
      JOIN hub.events e ON e.transaction_id = h.transaction_id AND e.position = h.position
     WHERE h.municipality = p_municipality
       AND h.occurred_at BETWEEN p_from AND p_to
       AND h.public_summary IS NOT NULL
       AND (p_party IS NULL OR EXISTS (
             SELECT 1 FROM hub.report_projection r
              WHERE r.report_id = h.report_id AND p_party = ANY (r.involved_parties)))
     ORDER BY h.occurred_at, h.report_id, h.stream_version
     LIMIT p_limit
$$;

GRANT EXECUTE ON FUNCTION hub.public_updates(text, text, timestamptz, timestamptz, integer) TO hub_writer;
