-- The claim (0036) updated the rows it had picked by joining them back to hub.deliveries. A SQL
-- function is planned without its arguments' values, so the planner did not know the LIMIT was
-- 64: it expected over a thousand picked rows and hashed the whole table to join them, a
-- sequential scan of every delivery ever made at every claim (10 ms at 20,000 rows, found with
-- auto_explain during `hub bench deliveries`). The picked ids are now one array, and the update
-- finds them through the primary key, whatever the table's size. Otherwise as in 0036.
CREATE OR REPLACE FUNCTION hub.claim_deliveries(p_adapter text, p_worker text, p_limit integer, p_lease_seconds double precision)
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
     WHERE d.id = ANY (ARRAY(SELECT due.id FROM due))
    RETURNING d.id, d.webhook_id, d.attempts, d.report_id, d.event_id, d.event_type, d.stream_version,
              d.content_type, d.body, d.created_at, d.their_id_marker
$$;
