-- Rule 6: an event of a main report is delivered to an app once for the main report and once for
-- every report merged under it, each in that report's own words and numbers. A delivery is one
-- (adapter, event, report), and scheduling it twice still makes one row.
ALTER TABLE hub.deliveries
    DROP CONSTRAINT deliveries_adapter_event_id_key,
    ADD CONSTRAINT deliveries_adapter_event_report_key UNIQUE (adapter, event_id, report_id);

CREATE OR REPLACE FUNCTION hub.schedule_deliveries(
    p_adapters text[], p_event_ids uuid[], p_positions bigint[], p_report_ids uuid[], p_versions bigint[],
    p_types text[], p_content_types text[], p_bodies text[])
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    v_count integer;
BEGIN
    INSERT INTO hub.deliveries (adapter, event_id, log_position, report_id, stream_version, event_type, content_type, body)
    SELECT * FROM unnest(p_adapters, p_event_ids, p_positions, p_report_ids, p_versions, p_types, p_content_types, p_bodies)
    ON CONFLICT (adapter, event_id, report_id) DO NOTHING;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    IF v_count > 0 THEN
        PERFORM pg_notify('hub_deliveries', '');
    END IF;
    RETURN v_count;
END
$$;
