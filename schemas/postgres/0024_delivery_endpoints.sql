-- The health of each adapter's endpoint, shared by every hub process: the circuit breaker (an
-- endpoint that keeps failing is paused, and its deliveries wait without holding up others) and
-- the 410 switch (the receiver asked the hub to stop; an operator enables it again).
CREATE TABLE hub.delivery_endpoints (
    adapter               text        PRIMARY KEY,
    consecutive_failures  integer     NOT NULL DEFAULT 0,
    paused_until          timestamptz,
    disabled_at           timestamptz,
    disabled_reason       text,
    last_success_at       timestamptz,
    last_failure_at       timestamptz
);

GRANT SELECT, INSERT, UPDATE ON hub.delivery_endpoints TO hub_writer;

-- One batch's outcome for one endpoint: successes close the circuit; failures open it once there
-- are p_threshold in a row, for p_pause_seconds doubled per further failure (at most 64 times);
-- p_gone (a 410) disables the endpoint.
CREATE FUNCTION hub.record_endpoint_outcome(
    p_adapter text, p_succeeded integer, p_failed integer, p_gone boolean,
    p_threshold integer, p_pause_seconds double precision)
RETURNS void
LANGUAGE sql AS $$
    INSERT INTO hub.delivery_endpoints AS e (adapter, consecutive_failures, paused_until, disabled_at, disabled_reason,
                                             last_success_at, last_failure_at)
    VALUES (p_adapter,
            CASE WHEN p_succeeded > 0 AND p_failed = 0 THEN 0 ELSE p_failed END,
            CASE WHEN p_failed >= p_threshold AND p_succeeded = 0
                 THEN now() + make_interval(secs => p_pause_seconds) END,
            CASE WHEN p_gone THEN now() END,
            CASE WHEN p_gone THEN 'the receiver answered 410 Gone' END,
            CASE WHEN p_succeeded > 0 THEN now() END,
            CASE WHEN p_failed > 0 THEN now() END)
    ON CONFLICT (adapter) DO UPDATE SET
        consecutive_failures = CASE WHEN p_succeeded > 0 THEN p_failed ELSE e.consecutive_failures + p_failed END,
        paused_until = CASE
            WHEN p_succeeded > 0 THEN NULL
            WHEN e.consecutive_failures + p_failed >= p_threshold
            THEN now() + make_interval(secs => p_pause_seconds
                                       * power(2, least(6, e.consecutive_failures + p_failed - p_threshold)))
            ELSE e.paused_until END,
        disabled_at = CASE WHEN p_gone THEN coalesce(e.disabled_at, now()) ELSE e.disabled_at END,
        disabled_reason = CASE WHEN p_gone THEN 'the receiver answered 410 Gone' ELSE e.disabled_reason END,
        last_success_at = CASE WHEN p_succeeded > 0 THEN now() ELSE e.last_success_at END,
        last_failure_at = CASE WHEN p_failed > 0 THEN now() ELSE e.last_failure_at END
$$;

GRANT EXECUTE ON FUNCTION hub.record_endpoint_outcome(text, integer, integer, boolean, integer, double precision) TO hub_writer;

-- An operator's "send again": the endpoint neither disabled nor paused, its failures forgotten.
CREATE FUNCTION hub.enable_endpoint(p_adapter text) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE hub.delivery_endpoints
       SET disabled_at = NULL, disabled_reason = NULL, paused_until = NULL, consecutive_failures = 0
     WHERE adapter = p_adapter;
    PERFORM pg_notify('hub_deliveries', '');
    RETURN FOUND;
END
$$;

GRANT EXECUTE ON FUNCTION hub.enable_endpoint(text) TO hub_writer;
