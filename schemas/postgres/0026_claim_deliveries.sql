-- A worker takes up to p_limit due deliveries of one adapter: each the earliest unfinished one of
-- its report (per-report order), none another process holds (SKIP LOCKED), none of an endpoint
-- that is paused or disabled. They are in flight for p_lease_seconds; the attempt is counted now,
-- so that a process that dies mid-delivery still moves the row along its schedule.
CREATE FUNCTION hub.claim_deliveries(p_adapter text, p_worker text, p_limit integer, p_lease_seconds double precision)
RETURNS TABLE (id bigint, webhook_id text, attempts integer, report_id uuid, event_id uuid, event_type text,
               stream_version bigint, content_type text, body text, created_at timestamptz)
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
              d.content_type, d.body, d.created_at
$$;

-- In flight past the lease: the process that held it is gone (or hung past its timeout). Pending
-- again, at once; the receiver sees the same webhook-id.
CREATE FUNCTION hub.release_expired_deliveries() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    v_count integer;
BEGIN
    UPDATE hub.deliveries
       SET state = 'pending', claimed_by = NULL, lease_until = NULL, next_attempt_at = now(),
           last_error = coalesce(last_error, 'the process sending it stopped before it knew the outcome')
     WHERE state = 'in_flight' AND lease_until < now();
    GET DIAGNOSTICS v_count = ROW_COUNT;
    IF v_count > 0 THEN
        PERFORM pg_notify('hub_deliveries', '');
    END IF;
    RETURN v_count;
END
$$;

GRANT EXECUTE ON FUNCTION hub.claim_deliveries(text, text, integer, double precision),
    hub.release_expired_deliveries() TO hub_writer;

-- When the adapter's next delivery falls due: its earliest pending row, not before the end of a
-- pause; NULL when there is none or the endpoint is disabled (then only a notification wakes it).
CREATE FUNCTION hub.next_delivery_due(p_adapter text) RETURNS timestamptz
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN e.disabled_at IS NOT NULL THEN NULL
                ELSE greatest((SELECT min(d.next_attempt_at) FROM hub.deliveries d
                                WHERE d.adapter = p_adapter AND d.state = 'pending'), e.paused_until) END
      FROM (SELECT p_adapter AS adapter) a
      LEFT JOIN hub.delivery_endpoints e ON e.adapter = a.adapter
$$;

GRANT EXECUTE ON FUNCTION hub.next_delivery_due(text) TO hub_writer;
