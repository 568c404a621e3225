-- The operator's view of each adapter's outbound side: its backlog (pending and in flight, and the
-- age of the oldest), its dead letters, and its endpoint's circuit. Every adapter that has had a
-- delivery or an endpoint row appears.
CREATE FUNCTION hub.delivery_health()
RETURNS TABLE (adapter text, pending bigint, in_flight bigint, dead bigint, oldest_pending_at timestamptz,
               consecutive_failures integer, paused_until timestamptz, disabled_at timestamptz,
               disabled_reason text, last_success_at timestamptz, last_failure_at timestamptz)
LANGUAGE sql STABLE AS $$
    WITH unfinished AS (
        SELECT d.adapter,
               count(*) FILTER (WHERE d.state = 'pending') AS pending,
               count(*) FILTER (WHERE d.state = 'in_flight') AS in_flight,
               min(d.created_at) FILTER (WHERE d.state = 'pending') AS oldest_pending_at
          FROM hub.deliveries d
         WHERE d.state IN ('pending', 'in_flight')
         GROUP BY d.adapter
    ), dead AS (
        SELECT d.adapter, count(*) AS dead FROM hub.deliveries d WHERE d.state = 'dead' GROUP BY d.adapter
    ), names AS (
        SELECT u.adapter FROM unfinished u UNION SELECT x.adapter FROM dead x
        UNION SELECT e.adapter FROM hub.delivery_endpoints e
    )
    SELECT n.adapter, coalesce(u.pending, 0), coalesce(u.in_flight, 0), coalesce(x.dead, 0), u.oldest_pending_at,
           coalesce(e.consecutive_failures, 0), e.paused_until, e.disabled_at, e.disabled_reason,
           e.last_success_at, e.last_failure_at
      FROM names n
      LEFT JOIN unfinished u ON u.adapter = n.adapter
      LEFT JOIN dead x ON x.adapter = n.adapter
      LEFT JOIN hub.delivery_endpoints e ON e.adapter = n.adapter
     ORDER BY n.adapter
$$;

-- Deliveries for the operator, newest first, narrowed by adapter, state and report; keyset paged.
CREATE FUNCTION hub.list_deliveries(p_adapter text, p_state text, p_report_id uuid, p_before_id bigint, p_limit integer)
RETURNS TABLE (id bigint, adapter text, event_id uuid, report_id uuid, event_type text, stream_version bigint,
               webhook_id text, state text, attempts integer, next_attempt_at timestamptz, last_attempt_at timestamptz,
               last_status integer, last_error text, last_response text, delivered_at timestamptz, created_at timestamptz)
LANGUAGE sql STABLE AS $$
    SELECT d.id, d.adapter, d.event_id, d.report_id, d.event_type, d.stream_version, d.webhook_id, d.state, d.attempts,
           d.next_attempt_at, d.last_attempt_at, d.last_status, d.last_error, d.last_response, d.delivered_at, d.created_at
      FROM hub.deliveries d
     WHERE (p_adapter IS NULL OR d.adapter = p_adapter)
       AND (p_state IS NULL OR d.state = p_state)
       AND (p_report_id IS NULL OR d.report_id = p_report_id)
       AND (p_before_id IS NULL OR d.id < p_before_id)
     ORDER BY d.id DESC
     LIMIT p_limit
$$;

-- Every dead delivery of one adapter pending again: after the receiver is fixed.
CREATE FUNCTION hub.redeliver_dead(p_adapter text) RETURNS integer
LANGUAGE sql AS $$
    SELECT hub.redeliver(coalesce(array_agg(d.id), '{}')) FROM hub.deliveries d WHERE d.adapter = p_adapter AND d.state = 'dead'
$$;

GRANT EXECUTE ON FUNCTION hub.delivery_health(), hub.list_deliveries(text, text, uuid, bigint, integer),
    hub.redeliver_dead(text) TO hub_writer;
