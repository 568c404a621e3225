-- Two changes to the delivery functions, written once each.
--
-- The receiver's id, bound when sending (issue 5, the Open311 back end): an update names the back
-- end's own id for the report (`service_request_id`), which arrives in its answer to the first
-- delivery. A body rendered before that answer holds a random marker where the id goes; the worker
-- writes the id in when it sends (by then the per-report order has delivered the first one).
-- NULL: nothing to write in.
--
-- Bookkeeping commits without waiting for the WAL flush (issue 4's latency): scheduling, claims
-- and outcomes set synchronous_commit off for their own transaction; reports and events still wait
-- for the flush. An operating-system or server crash can lose the last moments of such commits,
-- never half of one, and each is one the engine redoes:
--   - scheduled deliveries and the scheduler's checkpoint (one transaction): the scheduler
--     schedules the same events again from the older checkpoint. The rows get the same webhook-id
--     as before, derived from (adapter, event, report), so a receiver that already had a delivery
--     from the lost rows recognises the repeat (Standard Webhooks' idempotency);
--   - a claim: the row is pending again and is sent again, with its webhook-id;
--   - a recorded outcome: the row is in flight until its lease ends, then sent again, likewise.
-- At least once, as before; the scheduler's and the workers' commits no longer queue for the disk
-- behind every other commit.
ALTER TABLE hub.deliveries ADD COLUMN their_id_marker text;

-- `msg_` and 32 hex digits, the same whenever the same delivery is scheduled.
CREATE FUNCTION hub.delivery_webhook_id(p_adapter text, p_event_id uuid, p_report_id uuid) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT 'msg_' || left(encode(sha256(convert_to(p_adapter || '/' || p_event_id::text || '/' || p_report_id::text, 'UTF8')), 'hex'), 32)
$$;

DROP FUNCTION hub.schedule_deliveries(text[], uuid[], bigint[], uuid[], bigint[], text[], text[], text[]);

CREATE FUNCTION hub.schedule_deliveries(
    p_adapters text[], p_event_ids uuid[], p_positions bigint[], p_report_ids uuid[], p_versions bigint[],
    p_types text[], p_content_types text[], p_bodies text[], p_their_id_markers text[] DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    v_count integer;
BEGIN
    PERFORM set_config('synchronous_commit', 'off', true);
    INSERT INTO hub.deliveries (adapter, event_id, log_position, report_id, stream_version, event_type, content_type, body,
                                their_id_marker, webhook_id)
    SELECT d.adapter, d.event_id, d.log_position, d.report_id, d.stream_version, d.event_type, d.content_type, d.body,
           d.their_id_marker, hub.delivery_webhook_id(d.adapter, d.event_id, d.report_id)
      FROM unnest(p_adapters, p_event_ids, p_positions, p_report_ids, p_versions, p_types, p_content_types, p_bodies,
                  coalesce(p_their_id_markers, '{}'::text[]))
           AS d(adapter, event_id, log_position, report_id, stream_version, event_type, content_type, body, their_id_marker)
    ON CONFLICT (adapter, event_id, report_id) DO NOTHING;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    IF v_count > 0 THEN
        PERFORM pg_notify('hub_deliveries', '');
    END IF;
    RETURN v_count;
END
$$;

DROP FUNCTION hub.claim_deliveries(text, text, integer, double precision);

-- As in 0026, with the marker, and without waiting for the flush.
CREATE FUNCTION hub.claim_deliveries(p_adapter text, p_worker text, p_limit integer, p_lease_seconds double precision)
RETURNS TABLE (id bigint, webhook_id text, attempts integer, report_id uuid, event_id uuid, event_type text,
               stream_version bigint, content_type text, body text, created_at timestamptz, their_id_marker text)
LANGUAGE sql AS $$
    SELECT set_config('synchronous_commit', 'off', true);
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

-- As in 0034, without waiting for the flush.
CREATE OR REPLACE FUNCTION hub.record_delivery_batch(
    p_worker text, p_ids bigint[], p_states text[], p_statuses integer[], p_errors text[], p_responses text[],
    p_next_attempts timestamptz[], p_adapter text, p_succeeded integer, p_failed integer, p_gone boolean,
    p_threshold integer, p_pause_seconds double precision)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    v_count integer;
BEGIN
    PERFORM set_config('synchronous_commit', 'off', true);
    v_count := hub.record_delivery_outcomes(p_worker, p_ids, p_states, p_statuses, p_errors, p_responses, p_next_attempts);
    PERFORM hub.record_endpoint_outcome(p_adapter, p_succeeded, p_failed, p_gone, p_threshold, p_pause_seconds);
    RETURN v_count;
END
$$;

GRANT EXECUTE ON FUNCTION hub.schedule_deliveries(text[], uuid[], bigint[], uuid[], bigint[], text[], text[], text[], text[]),
    hub.claim_deliveries(text, text, integer, double precision), hub.delivery_webhook_id(text, uuid, uuid) TO hub_writer;
