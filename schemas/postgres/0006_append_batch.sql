-- Appends a batch of events, to one stream or many, in one round trip and one INSERT: all or
-- none. The arrays are parallel, one element per event; the events of one stream must be
-- contiguous and in order, and the expected version of a stream is taken from its first event.
-- Same rules and errors as hub.append_event. A batch whose event ids are all stored returns the
-- stored results (r_duplicate = true); a batch of which only some are stored is refused (HUB03):
-- it is not a retry of one append.
CREATE FUNCTION hub.append_batch(
    p_stream_ids text[], p_expected_versions bigint[], p_municipalities text[], p_event_ids uuid[],
    p_event_types text[], p_schema_versions integer[], p_data jsonb[], p_metadata jsonb[]
) RETURNS TABLE (r_event_id uuid, r_stream_version bigint, r_position bigint, r_transaction_id xid8, r_duplicate boolean)
LANGUAGE plpgsql AS $$
DECLARE
    v_count        integer := cardinality(p_event_ids);
    v_stored       integer;
    v_versions     bigint[] := array_fill(0::bigint, ARRAY[cardinality(p_event_ids)]);
    v_hashes       bytea[] := array_fill(NULL::bytea, ARRAY[cardinality(p_event_ids)]);
    v_stream       text;
    v_version      bigint;
    v_hash         bytea;
    v_municipality text;
    v_recorded_at  timestamptz := now();
BEGIN
    IF v_count IS NULL OR v_count = 0 THEN
        RETURN;
    END IF;
    IF cardinality(p_stream_ids) <> v_count OR cardinality(p_expected_versions) <> v_count
       OR cardinality(p_municipalities) <> v_count OR cardinality(p_event_types) <> v_count
       OR cardinality(p_schema_versions) <> v_count OR cardinality(p_data) <> v_count
       OR cardinality(p_metadata) <> v_count THEN
        RAISE EXCEPTION 'the batch arrays differ in length' USING ERRCODE = '22023';
    END IF;

    SELECT count(*) INTO v_stored FROM hub.events e WHERE e.event_id = ANY (p_event_ids);
    IF v_stored = v_count THEN
        RETURN QUERY
            SELECT e.event_id, e.stream_version, e.position, e.transaction_id, true
              FROM unnest(p_event_ids) WITH ORDINALITY AS given(event_id, n)
              JOIN hub.events e ON e.event_id = given.event_id
             ORDER BY given.n;
        RETURN;
    ELSIF v_stored > 0 THEN
        RAISE EXCEPTION '% of the % events in this batch are already stored', v_stored, v_count
            USING ERRCODE = 'HUB03';
    END IF;

    -- The chain is sequential, so versions and hashes are computed in order here; the rows are
    -- then written by one INSERT, which costs far less than one INSERT per event.
    FOR i IN 1 .. v_count LOOP
        IF i = 1 OR p_stream_ids[i] <> v_stream THEN
            v_stream := p_stream_ids[i];
            v_version := NULL;
            v_hash := NULL;
            v_municipality := NULL;
            SELECT e.stream_version, e.hash, e.municipality INTO v_version, v_hash, v_municipality
              FROM hub.events e WHERE e.stream_id = v_stream
             ORDER BY e.stream_version DESC LIMIT 1;
            v_version := coalesce(v_version, 0);
            IF (p_expected_versions[i] IS NOT NULL AND p_expected_versions[i] <> v_version)
               OR v_municipality <> p_municipalities[i] THEN
                PERFORM hub.refuse_append(v_stream, p_expected_versions[i], v_version, v_municipality <> p_municipalities[i]);
            END IF;
            v_municipality := p_municipalities[i];
        ELSIF p_municipalities[i] <> v_municipality THEN
            PERFORM hub.refuse_append(v_stream, NULL, v_version, true);
        END IF;
        v_version := v_version + 1;
        v_hash := sha256(coalesce(v_hash, ''::bytea) || hub.event_digest_input(
            p_event_ids[i], v_stream, v_version, p_event_types[i], p_schema_versions[i],
            p_municipalities[i], p_data[i], p_metadata[i], v_recorded_at));
        v_versions[i] := v_version;
        v_hashes[i] := v_hash;
    END LOOP;

    RETURN QUERY
        WITH inserted AS (
            INSERT INTO hub.events (event_id, stream_id, stream_version, event_type, schema_version,
                                    municipality, data, metadata, recorded_at, hash)
            SELECT b.event_id, b.stream_id, b.stream_version, b.event_type, b.schema_version,
                   b.municipality, b.data, b.metadata, v_recorded_at, b.hash
              FROM unnest(p_event_ids, p_stream_ids, v_versions, p_event_types, p_schema_versions,
                          p_municipalities, p_data, p_metadata, v_hashes)
                   AS b(event_id, stream_id, stream_version, event_type, schema_version,
                        municipality, data, metadata, hash)
            RETURNING event_id, stream_version, position, transaction_id)
        SELECT i.event_id, i.stream_version, i.position, i.transaction_id, false FROM inserted i;
END
$$;
