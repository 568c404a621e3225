-- A worker's whole batch in one statement (one round trip, atomic on its own): the deliveries'
-- outcomes (hub.record_delivery_outcomes) and the endpoint's health (hub.record_endpoint_outcome).
CREATE FUNCTION hub.record_delivery_batch(
    p_worker text, p_ids bigint[], p_states text[], p_statuses integer[], p_errors text[], p_responses text[],
    p_next_attempts timestamptz[], p_adapter text, p_succeeded integer, p_failed integer, p_gone boolean,
    p_threshold integer, p_pause_seconds double precision)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    v_count integer;
BEGIN
    v_count := hub.record_delivery_outcomes(p_worker, p_ids, p_states, p_statuses, p_errors, p_responses, p_next_attempts);
    PERFORM hub.record_endpoint_outcome(p_adapter, p_succeeded, p_failed, p_gone, p_threshold, p_pause_seconds);
    RETURN v_count;
END
$$;

GRANT EXECUTE ON FUNCTION hub.record_delivery_batch(text, bigint[], text[], integer[], text[], text[], timestamptz[],
    text, integer, integer, boolean, integer, double precision) TO hub_writer;
