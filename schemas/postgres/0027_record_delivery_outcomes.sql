-- The outcomes of a worker's attempts, in one statement: delivered, pending again at a later
-- time, or dead. Only rows this worker still holds are written: a row whose lease ran out and was
-- taken by another process belongs to that process now.
CREATE FUNCTION hub.record_delivery_outcomes(
    p_worker text, p_ids bigint[], p_states text[], p_statuses integer[], p_errors text[], p_responses text[],
    p_next_attempts timestamptz[])
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    v_count integer;
BEGIN
    UPDATE hub.deliveries d
       SET state = o.state, last_status = o.status, last_error = o.error, last_response = o.response,
           next_attempt_at = coalesce(o.next_attempt, d.next_attempt_at), claimed_by = NULL, lease_until = NULL,
           delivered_at = CASE WHEN o.state = 'delivered' THEN now() END
      FROM unnest(p_ids, p_states, p_statuses, p_errors, p_responses, p_next_attempts)
           AS o (id, state, status, error, response, next_attempt)
     WHERE d.id = o.id AND d.state = 'in_flight' AND d.claimed_by = p_worker;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    -- A finished row may let the next one of its report go; a retry wakes whoever sleeps longer.
    PERFORM pg_notify('hub_deliveries', '');
    RETURN v_count;
END
$$;

-- An operator's redelivery: dead (or delivered) rows pending again at once, with a fresh schedule.
CREATE FUNCTION hub.redeliver(p_ids bigint[]) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    v_count integer;
BEGIN
    UPDATE hub.deliveries
       SET state = 'pending', attempts = 0, next_attempt_at = now(), delivered_at = NULL
     WHERE id = ANY (p_ids) AND state IN ('dead', 'delivered');
    GET DIAGNOSTICS v_count = ROW_COUNT;
    PERFORM pg_notify('hub_deliveries', '');
    RETURN v_count;
END
$$;

GRANT EXECUTE ON FUNCTION hub.record_delivery_outcomes(text, bigint[], text[], integer[], text[], text[], timestamptz[]),
    hub.redeliver(bigint[]) TO hub_writer;
