-- The scheduler's insert: one row per (adapter, event) of a batch, in one statement; a row that
-- exists already (a batch scheduled again after a crash) is left as it is. Wakes the workers.
CREATE FUNCTION hub.schedule_deliveries(
    p_adapters text[], p_event_ids uuid[], p_positions bigint[], p_report_ids uuid[], p_versions bigint[],
    p_types text[], p_content_types text[], p_bodies text[])
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    v_count integer;
BEGIN
    INSERT INTO hub.deliveries (adapter, event_id, log_position, report_id, stream_version, event_type, content_type, body)
    SELECT * FROM unnest(p_adapters, p_event_ids, p_positions, p_report_ids, p_versions, p_types, p_content_types, p_bodies)
    ON CONFLICT (adapter, event_id) DO NOTHING;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    IF v_count > 0 THEN
        PERFORM pg_notify('hub_deliveries', '');
    END IF;
    RETURN v_count;
END
$$;

GRANT EXECUTE ON FUNCTION hub.schedule_deliveries(text[], uuid[], bigint[], uuid[], bigint[], text[], text[], text[]) TO hub_writer;
