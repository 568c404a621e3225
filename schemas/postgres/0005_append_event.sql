-- Why an append was refused: raised from the append functions' checks.
-- HUB01 wrong expected version (DETAIL = the actual version); HUB04 another municipality's stream.
CREATE FUNCTION hub.refuse_append(
    p_stream_id text, p_expected_version bigint, p_actual_version bigint, p_municipality_differs boolean
) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF p_municipality_differs THEN
        RAISE EXCEPTION 'stream % belongs to another municipality', p_stream_id USING ERRCODE = 'HUB04';
    END IF;
    RAISE EXCEPTION 'stream % is at version %, not at the expected %', p_stream_id, p_actual_version, p_expected_version
        USING ERRCODE = 'HUB01', DETAIL = p_actual_version::text;
END
$$;

-- Appends one event to a stream in one round trip: the hot path.
--
-- p_expected_version: NULL = any version, 0 = the stream must not exist, n = it must be at n.
-- Re-appending a stored event id returns the stored result with r_duplicate = true, also when
-- the stream has moved on since (a retry after a lost answer). A concurrent append of the same
-- version loses on events_stream_version_key (23505), which the caller reports as a conflict.
CREATE FUNCTION hub.append_event(
    p_stream_id text, p_expected_version bigint, p_municipality text, p_event_id uuid,
    p_event_type text, p_schema_version integer, p_data jsonb, p_metadata jsonb
) RETURNS TABLE (r_event_id uuid, r_stream_version bigint, r_position bigint, r_transaction_id xid8, r_duplicate boolean)
LANGUAGE plpgsql AS $$
DECLARE
    v_version      bigint;
    v_hash         bytea;
    v_municipality text;
    v_recorded_at  timestamptz := now();
BEGIN
    r_event_id := p_event_id;
    SELECT e.stream_version, e.hash, e.municipality INTO v_version, v_hash, v_municipality
      FROM hub.events e WHERE e.stream_id = p_stream_id
     ORDER BY e.stream_version DESC LIMIT 1;
    v_version := coalesce(v_version, 0);

    IF (p_expected_version IS NOT NULL AND p_expected_version <> v_version)
       OR v_municipality <> p_municipality THEN
        -- Only a refused append pays for the idempotency lookup before refusing.
        SELECT e.stream_version, e.position, e.transaction_id, true
          INTO r_stream_version, r_position, r_transaction_id, r_duplicate
          FROM hub.events e WHERE e.event_id = p_event_id;
        IF FOUND THEN
            RETURN NEXT;
            RETURN;
        END IF;
        PERFORM hub.refuse_append(p_stream_id, p_expected_version, v_version, v_municipality <> p_municipality);
    END IF;

    INSERT INTO hub.events (event_id, stream_id, stream_version, event_type, schema_version,
                            municipality, data, metadata, recorded_at, hash)
    VALUES (p_event_id, p_stream_id, v_version + 1, p_event_type, p_schema_version,
            p_municipality, p_data, p_metadata, v_recorded_at,
            sha256(coalesce(v_hash, ''::bytea) || hub.event_digest_input(
                p_event_id, p_stream_id, v_version + 1, p_event_type, p_schema_version,
                p_municipality, p_data, p_metadata, v_recorded_at)))
    ON CONFLICT (event_id) DO NOTHING
    RETURNING stream_version, position, transaction_id, false
    INTO r_stream_version, r_position, r_transaction_id, r_duplicate;

    IF NOT FOUND THEN
        SELECT e.stream_version, e.position, e.transaction_id, true
          INTO r_stream_version, r_position, r_transaction_id, r_duplicate
          FROM hub.events e WHERE e.event_id = p_event_id;
    END IF;
    RETURN NEXT;
END
$$;
