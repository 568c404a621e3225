-- Issue 5, the Open311 back end: an update names the back end's own id for the report
-- (`service_request_id`), which arrives in its answer to the first delivery. A body rendered
-- before that answer holds a random marker where the id goes; the worker writes the id in when it
-- sends (by then the per-report order has delivered the first one). NULL: nothing to write in.
ALTER TABLE hub.deliveries ADD COLUMN their_id_marker text;

DROP FUNCTION hub.schedule_deliveries(text[], uuid[], bigint[], uuid[], bigint[], text[], text[], text[]);

CREATE FUNCTION hub.schedule_deliveries(
    p_adapters text[], p_event_ids uuid[], p_positions bigint[], p_report_ids uuid[], p_versions bigint[],
    p_types text[], p_content_types text[], p_bodies text[], p_their_id_markers text[] DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    v_count integer;
BEGIN
    INSERT INTO hub.deliveries (adapter, event_id, log_position, report_id, stream_version, event_type, content_type, body, their_id_marker)
    SELECT * FROM unnest(p_adapters, p_event_ids, p_positions, p_report_ids, p_versions, p_types, p_content_types, p_bodies,
                         coalesce(p_their_id_markers, '{}'::text[]))
    ON CONFLICT (adapter, event_id, report_id) DO NOTHING;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    IF v_count > 0 THEN
        PERFORM pg_notify('hub_deliveries', '');
    END IF;
    RETURN v_count;
END
$$;

GRANT EXECUTE ON FUNCTION hub.schedule_deliveries(text[], uuid[], bigint[], uuid[], bigint[], text[], text[], text[], text[]) TO hub_writer;

DROP FUNCTION hub.claim_deliveries(text, text, integer, double precision);

-- As in 0026, and the marker with the rest.
CREATE FUNCTION hub.claim_deliveries(p_adapter text, p_worker text, p_limit integer, p_lease_seconds double precision)
RETURNS TABLE (id bigint, webhook_id text, attempts integer, report_id uuid, event_id uuid, event_type text,
               stream_version bigint, content_type text, body text, created_at timestamptz, their_id_marker text)
LANGUAGE sql AS $$
    WITH due AS (
        SELECT d.id
          FROM hub.deliveries d
         WHERE d.adapter = p_adapter AND d.state = 'pending' AND d.next_attempt_at <= now()
           AND NOT EXISTS (SELECT 1 FROM hub.delivery_endpoints e
                            WHERE e.adapter = p_adapter AND (e.disabled_at IS NOT NULL OR e.paused_until > now()))
           AND NOT EXISTS (SELECT 1 FROM hub.deliveries earlier
                            WHERE earlier.adapter = p_adapter AND earlier.report_id = d.report_id
                              AND earlier.log_position < d.log_position
                              AND earlier.state IN ('pending', 'in_flight'))
         ORDER BY d.next_attempt_at, d.id
         LIMIT p_limit
           FOR UPDATE SKIP LOCKED
    )
    UPDATE hub.deliveries d
       SET state = 'in_flight', attempts = d.attempts + 1, claimed_by = p_worker, last_attempt_at = now(),
           lease_until = now() + make_interval(secs => p_lease_seconds)
      FROM due
     WHERE d.id = due.id
    RETURNING d.id, d.webhook_id, d.attempts, d.report_id, d.event_id, d.event_type, d.stream_version,
              d.content_type, d.body, d.created_at, d.their_id_marker
$$;

GRANT EXECUTE ON FUNCTION hub.claim_deliveries(text, text, integer, double precision) TO hub_writer;
